using Campaign.Abstractions.Conversation;
using Campaign.Grains.Calls;

namespace Campaign.UnitTests;

public class AgentStreamTests
{
    private static readonly AgentReply Apology = new("Sorry, a technical problem. Goodbye.", EndCall: true);

    private static async IAsyncEnumerable<AgentReplyChunk> Chunks(IEnumerable<AgentReplyChunk> chunks, Exception? failAtEnd = null)
    {
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            yield return chunk;
        }

        if (failAtEnd is not null)
        {
            throw failAtEnd;
        }
    }

    private static async Task<List<AgentReplyChunk>> Read(IAsyncEnumerable<AgentReplyChunk> chunks, List<Exception> faults)
    {
        var read = new List<AgentReplyChunk>();
        await foreach (var chunk in AgentStream.Guarded(chunks, ex => { faults.Add(ex); return Apology; }))
        {
            read.Add(chunk);
        }

        return read;
    }

    [Fact]
    public async Task A_whole_reply_passes_through_and_stops_at_the_chunk_that_carries_it()
    {
        var reply = new AgentReply("Hello there.", EndCall: false);
        var faults = new List<Exception>();

        var read = await Read(Chunks([new("Hello "), new("there."), new("", reply), new("never read")]), faults);

        Assert.Equal(["Hello ", "there.", ""], read.Select(c => c.Token));
        Assert.Same(reply, read[^1].Reply);
        Assert.Empty(faults);
    }

    [Fact]
    public async Task A_stream_that_fails_midway_ends_with_the_apology_as_words_and_as_the_reply()
    {
        var faults = new List<Exception>();

        var read = await Read(Chunks([new("Well, "), new("the ")], new HttpRequestException("model down")), faults);

        Assert.Equal(["Well, ", "the ", Apology.Text], read.Select(c => c.Token));
        Assert.Same(Apology, read[^1].Reply);
        Assert.Equal("model down", Assert.Single(faults).Message);
    }

    [Fact]
    public async Task A_stream_that_ends_without_its_reply_is_a_fault_too()
    {
        var faults = new List<Exception>();

        var read = await Read(Chunks([new("Half a sentence")]), faults);

        Assert.True(read[^1].Reply!.EndCall);
        Assert.Contains("without its last chunk", Assert.Single(faults).Message);
    }

    [Fact]
    public async Task A_cancelled_turn_is_not_turned_into_an_apology()
    {
        var faults = new List<Exception>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Read(Chunks([new("Hi")], new OperationCanceledException()), faults));
        Assert.Empty(faults);
    }
}
