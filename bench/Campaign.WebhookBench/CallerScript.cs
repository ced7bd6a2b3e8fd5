namespace Campaign.WebhookBench;

/// <summary>What the callees say, turn by turn; the same lines for the host and the bare endpoint.</summary>
internal static class CallerScript
{
    private static readonly string[][] Dialogues =
    [
        ["Yes, speaking.", "The power keeps going out at night, it's been awful.", "Sure, tell me more.", "Thanks, bye."],
        ["Who is this?", "Okay, I'm a bit busy right now.", "Maybe call me back tomorrow afternoon.", "Bye."],
        ["Hello?", "I'm not really interested, sorry.", "No, that's all.", "Goodbye."],
        ["Yeah.", "What does it cost?", "Hmm, send me some information by email.", "Thank you."],
    ];

    public static IReadOnlyList<string> For(int call) => Dialogues[call % Dialogues.Length];
}
