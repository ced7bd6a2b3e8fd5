using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Conversation;

/// <summary>
/// What one turn of the agent changed in a conversation, for the session's owner to apply
/// (<see cref="ConversationSession.Apply"/>): the transcript (its first <see cref="KeptLines"/> lines stay, then
/// <see cref="NewLines"/>), the facts recorded as they stand after the turn, and the agent's memory.
/// </summary>
public sealed record AgentTurn(
    AgentReply Reply,
    int KeptLines,
    IReadOnlyList<TranscriptLine> NewLines,
    RecordedFacts Facts,
    int Silences,
    AgentMemory Memory)
{
    /// <summary>The turn that took the session from <paramref name="before"/> to <paramref name="after"/> (a draft of it).</summary>
    public static AgentTurn Between(ConversationSession before, ConversationSession after, AgentReply reply)
    {
        var kept = 0;
        while (kept < before.Transcript.Count && kept < after.Transcript.Count && before.Transcript[kept] == after.Transcript[kept])
        {
            kept++;
        }

        return new AgentTurn(reply, kept, after.Transcript.Skip(kept).ToList(), RecordedFacts.Of(after), after.Silences, after.Memory.Copy());
    }
}

/// <summary>
/// The outcome of a finished conversation, and what concluding it changed (an unanswered stop-calling question made
/// final, notes about model faults in the memory).
/// </summary>
public sealed record AgentConclusion(CallOutcome Outcome, AgentTurn Turn);

/// <summary>What the conversation has established about the customer.</summary>
public sealed record RecordedFacts(Interest Interest, IReadOnlyList<string> Concerns, FollowUp FollowUp, bool OptedOut)
{
    public static RecordedFacts Of(ConversationSession session) =>
        new(session.Interest, session.Concerns.ToList(), session.FollowUp, session.OptedOut);
}
