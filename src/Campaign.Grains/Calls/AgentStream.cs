using System.Runtime.CompilerServices;
using Campaign.Abstractions.Conversation;

namespace Campaign.Grains.Calls;

/// <summary>The agent's streamed reply, made safe to speak to a caller.</summary>
public static class AgentStream
{
    /// <summary>
    /// The chunks up to the one that carries the whole reply. A stream that fails, or ends without that chunk, ends
    /// instead with one chunk carrying what <paramref name="failed"/> makes of the fault, as words and as the reply.
    /// </summary>
    public static async IAsyncEnumerable<AgentReplyChunk> Guarded(
        IAsyncEnumerable<AgentReplyChunk> chunks,
        Func<Exception, AgentReply> failed,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var reader = chunks.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            AgentReplyChunk? chunk;
            Exception? failure = null;
            try
            {
                chunk = await reader.MoveNextAsync() ? reader.Current : null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                chunk = null;
                failure = ex;
            }

            if (chunk is null)
            {
                var apology = failed(failure ?? new InvalidOperationException("the reply ended without its last chunk"));
                yield return new AgentReplyChunk(apology.Text, apology);
                yield break;
            }

            yield return chunk;
            if (chunk.Reply is not null)
            {
                yield break;
            }
        }
    }
}
