namespace Campaign.Abstractions.Calls;

/// <summary>
/// Something the telephony provider reports about a call. Providers may repeat events or send them late; a provider
/// that numbers the callee's turns sets <see cref="Turn"/> (1 for the answer to the opening), so an answer to a turn
/// that was already handled is ignored.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallEvent")]
public sealed record CallEvent(
    [property: Id(0)] CallEventKind Kind,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] CallEndReason? EndReason = null,
    [property: Id(3)] int? Turn = null,
    [property: Id(4)] TransferResult? Transfer = null,
    [property: Id(5)] string? Party = null);

public enum CallEventKind
{
    Ringing,

    /// <summary>A person answered.</summary>
    Answered,

    /// <summary>An answering machine answered; the greeting has ended (the beep).</summary>
    MachineAnswered,

    /// <summary>The callee said something (<see cref="CallEvent.Text"/>).</summary>
    Speech,

    /// <summary>The callee said nothing when it was their turn.</summary>
    Silence,

    /// <summary>The call is over (<see cref="CallEvent.EndReason"/>).</summary>
    Ended,

    /// <summary>The callee spoke over the agent, who stopped; <see cref="CallEvent.Text"/> is what they heard of its line.</summary>
    Interrupted,

    /// <summary>
    /// The agent's audio started playing to the callee. Sent by providers that report it
    /// (<see cref="Telephony.ITelephony.ReportsFirstAudio"/>); for the others the first audio is when the first words are handed over.
    /// </summary>
    AgentAudio,

    /// <summary>
    /// News of the transfer to a person: <see cref="CallEvent.Transfer"/> says how it went (connected, no answer, busy,
    /// failed) and <see cref="CallEvent.Party"/> who took it. The call itself ends with <see cref="Ended"/>.
    /// </summary>
    Transfer,
}

public enum CallEndReason
{
    Completed,
    NoAnswer,
    Busy,
    Failed,
    Canceled,
}

/// <summary>
/// What the provider should do next on the call: say something (and listen), or hang up; both at once is a goodbye with
/// a moment to hear last words before hanging up (a provider that cannot listen then hangs up at once). <see cref="AnswerTurn"/> is
/// the number the callee's answer to it will carry (a provider that numbers turns sends it back); <see cref="Repeat"/>
/// marks the instruction already given for a turn that was handled before, answered again to a repeated event.
/// <see cref="TransferTo"/>: after saying the text, hand the call to that number (a person), with
/// <see cref="Whisper"/> said to the person before they are connected (null: no whisper).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallInstruction")]
public sealed record CallInstruction(
    [property: Id(0)] string? Say,
    [property: Id(1)] bool Listen,
    [property: Id(2)] bool HangUp,
    [property: Id(3)] int AnswerTurn = 0,
    [property: Id(4)] bool Repeat = false,
    [property: Id(5)] string? TransferTo = null,
    [property: Id(6)] string? Whisper = null)
{
    public static CallInstruction None { get; } = new(null, false, false);

    public static CallInstruction SayAndListen(string text) => new(text, true, false);

    public static CallInstruction SayAndHangUp(string? text) => new(text, false, true);

    /// <summary>A goodbye after which the line stays open a moment for last words (<see cref="Listen"/> and <see cref="HangUp"/>), then is hung up.</summary>
    public static CallInstruction SayListenAndHangUp(string text) => new(text, true, true);

    public static CallInstruction SayAndTransfer(string text, string number, string? whisper) => new(text, false, false, TransferTo: number, Whisper: whisper);
}

/// <summary>
/// A piece of a streamed reply: <see cref="Text"/> to speak; the last one closes the turn and may hang up, after a
/// moment to hear last words when <see cref="ListensAfter"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.ReplyToken")]
public sealed record ReplyToken(
    [property: Id(0)] string Text,
    [property: Id(1)] bool Last,
    [property: Id(2)] bool HangUp,
    [property: Id(3)] bool Transfer = false,
    [property: Id(4)] bool ListensAfter = false);
