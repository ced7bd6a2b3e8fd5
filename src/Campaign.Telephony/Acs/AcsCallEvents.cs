using Campaign.Abstractions.Calls;

namespace Campaign.Telephony.Acs;

/// <summary>Translates Call Automation results into call events.</summary>
public static class AcsCallEvents
{
    /// <summary>Why a call could not be created, from the SIP-style code ACS reports in <c>CreateCallFailed</c>.</summary>
    public static CallEndReason CreateFailureReason(int? code) => code switch
    {
        486 or 600 or 603 => CallEndReason.Busy,
        408 or 480 or 487 => CallEndReason.NoAnswer,
        _ => CallEndReason.Failed,
    };

    /// <summary>How a failed transfer went, from the SIP-style code of <c>CallTransferFailed</c>.</summary>
    public static TransferResult TransferFailure(int? code) => code switch
    {
        486 or 600 or 603 => TransferResult.Busy,
        408 or 480 or 487 => TransferResult.NoAnswer,
        _ => TransferResult.Failed,
    };

    /// <summary>A recognition result: speech, or silence when nothing usable was heard.</summary>
    public static CallEvent FromSpeech(string? speech, int turn) => string.IsNullOrWhiteSpace(speech)
        ? new CallEvent(CallEventKind.Silence, Turn: turn)
        : new CallEvent(CallEventKind.Speech, speech.Trim(), Turn: turn);
}
