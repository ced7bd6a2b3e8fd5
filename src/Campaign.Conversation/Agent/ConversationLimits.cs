using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;

namespace Campaign.Conversation.Agent;

/// <summary>The script's limits, checked outside the model: turns, seconds, and silences.</summary>
public static class ConversationLimits
{
    public const int MaxSilences = 2;

    public static int AgentTurns(ConversationSession session) => session.Transcript.Count(l => l.Speaker == Speaker.Agent);

    /// <summary>The reason the call must end before the model is asked, or null when it may go on.</summary>
    public static string? Exceeded(ConversationSession session, PreparedScript script, DateTimeOffset now)
    {
        if (AgentTurns(session) >= script.Script.MaxTurns)
        {
            return EndReasons.MaxTurns;
        }

        var started = session.AnsweredAt ?? session.Transcript.FirstOrDefault()?.At;
        return started is { } at && now - at >= TimeSpan.FromSeconds(script.Script.MaxSeconds) ? EndReasons.MaxSeconds : null;
    }

    /// <summary>The next agent turn is the last one the script allows.</summary>
    public static bool IsLastTurn(ConversationSession session, PreparedScript script) => AgentTurns(session) + 1 >= script.Script.MaxTurns;
}

/// <summary>Values of <see cref="AgentMemory.EndReason"/>.</summary>
public static class EndReasons
{
    public const string Agent = "agent";
    public const string OptOut = "optOut";
    public const string Silence = "silence";
    public const string MaxTurns = "maxTurns";
    public const string MaxSeconds = "maxSeconds";
    public const string ModelFailure = "modelFailure";
    public const string Transfer = "transfer";
}
