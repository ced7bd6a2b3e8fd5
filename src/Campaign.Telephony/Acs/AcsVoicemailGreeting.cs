namespace Campaign.Telephony.Acs;

/// <summary>
/// ACS has no answering-machine detection, so the first things heard are checked for the phrases of a voicemail
/// greeting. A greeting that is missed still ends: silences and failed recognitions hang up after a few turns.
/// </summary>
public static class AcsVoicemailGreeting
{
    /// <summary>Only the first turns are checked; later a customer may well say "leave a message".</summary>
    public const int TurnsChecked = 2;

    private static readonly string[] Phrases =
    [
        "leave a message", "leave your message", "leave me a message", "after the tone", "after the beep",
        "at the tone", "voicemail", "voice mail", "mailbox", "not available to take your call", "can't take your call",
        "cannot take your call", "unable to take your call", "record your message", "is not available right now",
    ];

    public static bool IsGreeting(string? text, int turn) =>
        turn <= TurnsChecked && text is not null && Phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}
