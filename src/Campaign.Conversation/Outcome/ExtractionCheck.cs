using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Functions;
using Campaign.Conversation.Model;
using Microsoft.Extensions.Logging;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// Holds a model's extraction to the schema it was given. An interest or follow-up outside the allowed values is a
/// malformed answer for that field: the offline rules (<see cref="TranscriptExtractor"/>) answer it instead, the fault
/// is logged, and the call gets a note saying so.
/// </summary>
public static class ExtractionCheck
{
    public static CallSummaryRecord Check(CallSummaryRecord record, ConversationSession session, PreparedScript script, ILogger logger)
    {
        CallSummaryRecord? offline = null;
        CallSummaryRecord Offline() => offline ??= TranscriptExtractor.Extract(session, script);
        var callId = session.CallId ?? "-";

        if (AllowedValues.Match(record.Interest, AllowedValues.ExtractedInterest) is { } interest)
        {
            record = record with { Interest = interest };
        }
        else
        {
            var fallback = Offline().Interest;
            Report(session, logger, callId, "interest", record.Interest, AllowedValues.ExtractedInterest, fallback);
            record = record with { Interest = fallback };
        }

        if (AllowedValues.Match(record.FollowUp, AllowedValues.ExtractedFollowUp) is { } followUp)
        {
            record = record with { FollowUp = followUp };
        }
        else
        {
            var fallback = Offline();
            Report(session, logger, callId, "followUp", record.FollowUp, AllowedValues.ExtractedFollowUp, fallback.FollowUp);
            record = record with { FollowUp = fallback.FollowUp, CallbackTime = fallback.CallbackTime };
        }

        return record;
    }

    /// <summary>The extraction could not be read at all: every field comes from the offline rules.</summary>
    public static CallSummaryRecord Unreadable(ConversationSession session, PreparedScript script, ILogger logger, string reason)
    {
        ModelFaultLog.MalformedExtraction(logger, session.CallId ?? "-", reason);
        session.Memory.AddNote($"Model fault: the outcome extraction was malformed ({reason}), so the outcome was read from the transcript.");
        return TranscriptExtractor.Extract(session, script);
    }

    private static void Report(ConversationSession session, ILogger logger, string callId, string field, string value, IReadOnlyList<string> allowed, string fallback)
    {
        var shown = string.IsNullOrWhiteSpace(value) ? "" : value.Trim();
        ModelFaultLog.OutOfSetValue(logger, callId, "the outcome extraction", field, shown, AllowedValues.List(allowed), $"read from the transcript instead ({fallback})");
        session.Memory.AddNote($"Model fault: the extraction gave {field} '{shown}', which is not an allowed value, so {field} was read from the transcript ({fallback}).");
    }
}
