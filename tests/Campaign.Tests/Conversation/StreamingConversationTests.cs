using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>Streamed replies from an OpenAI-compatible model: tokens flow as the model writes them, and stopping stops the model.</summary>
public sealed class StreamingConversationTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Tokens_reach_the_caller_while_the_model_is_still_writing_and_functions_still_run()
    {
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.LastRole(request) == "tool"
            ? FakeOpenAIServer.StreamText(["\"Great,", " I'll", " send", " it. "], (i, aborted) => i == 1 ? rest.Task.WaitAsync(aborted) : Task.CompletedTask)
            : FakeOpenAIServer.StreamToolCalls(("call-record_interest", """{"level":"interested"}""")));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());
        await harness.Agent.OpenAsync(session);

        var chunks = new List<AgentReplyChunk>();
        await foreach (var chunk in harness.Agent.StreamResponseAsync(session, "Yes, tell me more."))
        {
            chunks.Add(chunk);
            if (chunks.Count == 1)
            {
                // The model has not written the rest yet: it waits for this signal.
                Assert.Equal("Great,", chunk.Token);
                Assert.False(rest.Task.IsCompleted);
                rest.SetResult();
            }
        }

        Assert.Equal(["Great,", " I'll", " send", " it.", ""], chunks.Select(c => c.Token));
        Assert.Equal(new AgentReply("Great, I'll send it.", EndCall: false), chunks[^1].Reply);
        Assert.Equal(Interest.Interested, session.Interest);
        Assert.Equal("Great, I'll send it.", session.Transcript[^1].Text);
        Assert.True(_server.Requests.Last().GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task Stopping_the_reply_cancels_the_model_and_the_transcript_keeps_what_was_heard()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.StreamText(["Let me", " explain", " everything."], async (i, requestAborted) =>
        {
            if (i == 1)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), requestAborted);
                }
                catch (OperationCanceledException)
                {
                    aborted.TrySetResult();
                    throw;
                }
            }
        }));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());
        await harness.Agent.OpenAsync(session);

        await foreach (var chunk in harness.Agent.StreamResponseAsync(session, "Why are there power cuts?"))
        {
            Assert.Equal("Let me", chunk.Token);
            break; // the customer spoke over the agent
        }

        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((Speaker.Agent, "Let me"), (session.Transcript[^1].Speaker, session.Transcript[^1].Text));

        harness.Agent.Interrupted(session, "Let");
        Assert.Equal("Let [interrupted]", session.Transcript[^1].Text);
        Assert.Equal("Why are there power cuts?", session.Transcript[^2].Text);
    }

    private ConversationHarness Harness() => new(new Dictionary<string, string?>
    {
        ["Conversation:Provider"] = "OpenAI",
        ["Conversation:OpenAI:Endpoint"] = _server.Endpoint,
        ["Conversation:OpenAI:Model"] = "fake-model",
        ["Conversation:OpenAI:ApiKey"] = "sk-test-streaming-0123456789",
        ["Conversation:OpenAI:TimeoutSeconds"] = "20",
    });
}
