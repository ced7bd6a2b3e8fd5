using System.Runtime.CompilerServices;
using Campaign.Abstractions.Calls;

namespace Campaign.Abstractions.Conversation;

/// <summary>
/// The agent's turns for a caller that owns its session outright (the script test page, a bench, a test): each turn
/// is applied to the session as soon as it is taken. The call grain applies the turns itself, then stores them.
/// </summary>
public static class OwnedSessionTurns
{
    public static async Task<AgentReply> OpenAsync(this IConversationAgent agent, ConversationSession session, CancellationToken cancellationToken = default)
    {
        var turn = await agent.OpenTurnAsync(session, cancellationToken);
        session.Apply(turn);
        return turn.Reply;
    }

    public static async Task<AgentReply> RespondAsync(this IConversationAgent agent, ConversationSession session, string? customerText, CancellationToken cancellationToken = default)
    {
        var turn = await agent.ReplyTurnAsync(session, customerText, cancellationToken);
        session.Apply(turn);
        return turn.Reply;
    }

    /// <summary>The reply streamed; the turn is applied when the stream ends, also when the caller stops reading early.</summary>
    public static async IAsyncEnumerable<AgentReplyChunk> StreamResponseAsync(
        this IConversationAgent agent, ConversationSession session, string? customerText, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = agent.StreamTurn(session, customerText, cancellationToken);
        try
        {
            await foreach (var chunk in stream.Chunks.WithCancellation(cancellationToken))
            {
                yield return chunk;
            }
        }
        finally
        {
            session.Apply(stream.SoFar());
        }
    }

    public static async Task<CallOutcome> ConcludeAsync(this IConversationAgent agent, ConversationSession session, CancellationToken cancellationToken = default)
    {
        var conclusion = await agent.ConcludeTurnAsync(session, cancellationToken);
        session.Apply(conclusion.Turn);
        return conclusion.Outcome;
    }

    public static void Interrupted(this IConversationAgent agent, ConversationSession session, string? heard) =>
        session.Apply(agent.InterruptedTurn(session, heard));
}
