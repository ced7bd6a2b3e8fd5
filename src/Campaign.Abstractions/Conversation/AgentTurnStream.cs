namespace Campaign.Abstractions.Conversation;

/// <summary>
/// A turn streamed as the agent writes it: the chunks, then what the turn changed. A caller that stops reading early
/// (the customer spoke over the agent) gets the turn as far as it went, with the words streamed so far.
/// </summary>
public sealed class AgentTurnStream(IAsyncEnumerable<AgentReplyChunk> chunks, Func<AgentTurn> soFar, Func<bool> optedOut)
{
    public IAsyncEnumerable<AgentReplyChunk> Chunks { get; } = chunks;

    /// <summary>The customer has opted out in this turn: known before the first word of the reply is streamed.</summary>
    public bool OptedOut => optedOut();

    /// <summary>What the turn changed: all of it once the chunks are read to the end, else as far as it went.</summary>
    public AgentTurn SoFar() => soFar();
}
