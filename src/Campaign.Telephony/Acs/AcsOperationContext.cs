namespace Campaign.Telephony.Acs;

/// <summary>What a pending ACS action is for; ACS echoes it in the action's events.</summary>
public enum AcsStep
{
    /// <summary>The call is being placed.</summary>
    Dial,

    /// <summary>A prompt is being played and the callee's answer recognised.</summary>
    Turn,

    /// <summary>The last words are being played; the line is hung up when they end.</summary>
    Goodbye,

    /// <summary>The hand-over line is being played, then the call is transferred to a person (the transfer's own events carry it too).</summary>
    Transfer,

    /// <summary>A goodbye is being played and, for a few seconds after it, last words recognised; silence hangs up.</summary>
    LastWords,
}

/// <summary>
/// The operation context set on every ACS action and echoed in its events: which call, which step and turn, the
/// callee's number and the voice, so a callback needs no lookup to take the next step.
/// </summary>
public sealed record AcsOperationContext(string CallId, AcsStep Step, int Turn, string Target, AcsVoice? Voice)
{
    private const string Version = "v2";

    /// <summary>Written by earlier versions (with a count of silences, now the conversation's); still read for calls in flight.</summary>
    private const string VersionWithSilences = "v1";

    public static AcsOperationContext Dial(string callId, string target) => new(callId, AcsStep.Dial, 0, target, null);

    public AcsOperationContext Next(AcsStep step) => this with { Step = step, Turn = Turn + 1 };

    public string Format() => string.Join(
        '|',
        Version,
        Uri.EscapeDataString(CallId),
        Step.ToString(),
        Turn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Uri.EscapeDataString(Target),
        Uri.EscapeDataString(Voice?.Locale ?? ""),
        Uri.EscapeDataString(Voice?.Voice ?? ""));

    /// <summary>The context, or null when the text is not one this host wrote.</summary>
    public static AcsOperationContext? Parse(string? text)
    {
        var parts = text?.Split('|');
        if (parts is [VersionWithSilences, var v1CallId, var v1Step, var v1Turn, var silences, .. var rest] && int.TryParse(silences, out var count) && count >= 0)
        {
            parts = [Version, v1CallId, v1Step, v1Turn, .. rest];
        }

        if (parts is not [Version, var callId, var step, var turn, var target, var locale, var voice]
            || !Enum.TryParse<AcsStep>(step, out var parsedStep) || !Enum.IsDefined(parsedStep)
            || !int.TryParse(turn, out var parsedTurn) || parsedTurn < 0)
        {
            return null;
        }

        var voiceName = Uri.UnescapeDataString(voice);
        return new AcsOperationContext(
            Uri.UnescapeDataString(callId),
            parsedStep,
            parsedTurn,
            Uri.UnescapeDataString(target),
            voiceName.Length == 0 ? null : new AcsVoice(Uri.UnescapeDataString(locale), voiceName));
    }
}
