namespace Campaign.Tests.Twilio;

public enum CalleeKind
{
    Person,
    Machine,
    Busy,
    NoAnswer,
}

/// <summary>
/// What the fake callee does: pick up or not, and what they say each turn ("" is silence). Over ConversationRelay, a
/// callee with <see cref="InterruptReply"/> speaks over that reply (0 is the opening) as soon as its first token arrives;
/// one with <see cref="TalkOverReply"/> sends its next line then, with no interrupt message before it.
/// When the call is transferred, the person's line goes as <see cref="Transfer"/> says (<c>completed</c>: a person
/// answers and talks until <see cref="TransferGate"/> completes; <c>busy</c>, <c>no-answer</c>, <c>failed</c>).
/// </summary>
public sealed record CalleeScript(
    CalleeKind Kind, IReadOnlyList<string> Lines, Task? AnswerGate = null, int? InterruptReply = null, int? TalkOverReply = null,
    string Transfer = "completed", Task? TransferGate = null)
{
    public static CalleeScript WantsPerson(string transfer = "completed", Task? gate = null) =>
        new(CalleeKind.Person, ["Can I speak to a real person, please?"], Transfer: transfer, TransferGate: gate);

    public static CalleeScript TalkerOver { get; } = new(CalleeKind.Person, ["Yes, I have a minute.", "The power cuts at night worry me.", "Yes please, send it."], TalkOverReply: 1);

    public static CalleeScript Interrupter { get; } = new(CalleeKind.Person, ["Yes, I have a minute.", "The power cuts at night worry me.", "Yes please, send it."], InterruptReply: 1);

    public static CalleeScript Talkative { get; } = new(CalleeKind.Person, ["Yes, I have a minute.", "", "The power cuts at night worry me.", "Yes please, send it."]);

    public static CalleeScript Silent { get; } = new(CalleeKind.Person, []);

    /// <summary>Declines, then asks not to be called again as the agent says goodbye.</summary>
    public static CalleeScript OptOutOverGoodbye { get; } = new(CalleeKind.Person, ["No thanks.", "No.", "And don't ever call this number again."]);

    /// <summary>Declines, and says nothing over the goodbye.</summary>
    public static CalleeScript Decliner { get; } = new(CalleeKind.Person, ["No thanks.", "No."]);

    public static CalleeScript Machine { get; } = new(CalleeKind.Machine, []);

    public static CalleeScript Busy { get; } = new(CalleeKind.Busy, []);

    public static CalleeScript NoAnswer { get; } = new(CalleeKind.NoAnswer, []);
}
