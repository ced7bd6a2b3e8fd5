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

    /// <summary>
    /// A transfer's Dial action: <c>completed</c> or <c>answered</c> means the person took the call; <c>canceled</c>
    /// (the customer hung up while it rang) counts as no answer. Null for a status Twilio does not document.
    /// </summary>
    public static CallEvent? FromDialStatus(string? dialCallStatus, string? party) => dialCallStatus switch
    {
        "completed" or "answered" => Transferred(TransferResult.Connected, party),
        "busy" => Transferred(TransferResult.Busy, party),
        "no-answer" or "canceled" => Transferred(TransferResult.NoAnswer, party),
        "failed" => Transferred(TransferResult.Failed, party),
        _ => null,
    };

    /// <summary>The person answered a transfer (Twilio asks for the whisper).</summary>
    public static CallEvent PersonAnswered(string? party) => Transferred(TransferResult.Connected, party);

    private static CallEvent Transferred(TransferResult result, string? party) =>
        new(CallEventKind.Transfer, Transfer: result, Party: string.IsNullOrWhiteSpace(party) ? null : party.Trim());

    private static CallEvent Ended(CallEndReason reason) => new(CallEventKind.Ended, EndReason: reason);
}
