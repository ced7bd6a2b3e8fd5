using Campaign.Abstractions.Calls;

namespace Campaign.Telephony.Twilio;

/// <summary>Translates Twilio's webhook fields into call events.</summary>
public static class TwilioCallEvents
{
    /// <summary>The event for a status callback's <c>CallStatus</c>; null for statuses the call grain does not need.</summary>
    public static CallEvent? FromStatus(string? callStatus) => callStatus switch
    {
        "ringing" => new CallEvent(CallEventKind.Ringing),
        "completed" => Ended(CallEndReason.Completed),
        "busy" => Ended(CallEndReason.Busy),
        "no-answer" => Ended(CallEndReason.NoAnswer),
        "failed" => Ended(CallEndReason.Failed),
        "canceled" => Ended(CallEndReason.Canceled),
        _ => null,
    };

    /// <summary>Whether AMD's <c>AnsweredBy</c> means an answering machine or fax (for DetectMessageEnd: after the greeting).</summary>
    public static bool IsMachine(string? answeredBy) => answeredBy is not null
        && (answeredBy.StartsWith("machine", StringComparison.Ordinal) || answeredBy == "fax");

    /// <summary>A Gather result: speech, or silence when nothing was recognised.</summary>
    public static CallEvent FromSpeech(string? speechResult) => string.IsNullOrWhiteSpace(speechResult)
        ? new CallEvent(CallEventKind.Silence)
        : new CallEvent(CallEventKind.Speech, speechResult.Trim());

    private static CallEvent Ended(CallEndReason reason) => new(CallEventKind.Ended, EndReason: reason);
}
