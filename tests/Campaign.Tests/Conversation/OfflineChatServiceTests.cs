using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Functions;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Offline;
using Campaign.Conversation.Outcome;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Campaign.Tests.Conversation;

/// <summary>The offline engine behaves as a Semantic Kernel chat service: function calls, auto-invocation, structured output.</summary>
public sealed class OfflineChatServiceTests : IDisposable
{
    private readonly ConversationHarness _harness = new();
    private readonly Kernel _kernel = ConversationKernelFactory.Create(new ConversationOptions());

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Without_auto_invocation_it_returns_the_function_calls_with_the_text()
    {
        var (turn, kernel, history) = await TurnAsync("Yes, sure, tell me more. I'm worried about power cuts at night.");
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var reply = await chat.GetChatMessageContentAsync(history, new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) }, kernel);

        var calls = FunctionCallContent.GetFunctionCalls(reply).ToList();
        Assert.Equal([CallFunctions.RecordConcernName, CallFunctions.RecordInterestName], calls.Select(c => c.FunctionName));
        Assert.All(calls, c => Assert.Equal(CallFunctions.PluginName, c.PluginName));
        Assert.Equal("power cuts at night", calls[0].Arguments!["text"]);
        Assert.Contains("power cuts at night", reply.Content);
        Assert.Equal(Interest.Unknown, turn.Session.Interest); // nothing invoked yet
        Assert.Equal(2, history.Count);

        foreach (var call in calls)
        {
            await call.InvokeAsync(kernel);
        }

        Assert.Equal((Interest.Interested, "power cuts at night"), (turn.Session.Interest, turn.Session.Concerns.Single()));
    }

    [Fact]
    public async Task With_auto_invocation_it_runs_the_functions_and_records_them_in_the_history()
    {
        var (turn, kernel, history) = await TurnAsync("Please stop calling me.");

        var reply = await kernel.GetRequiredService<IChatCompletionService>()
            .GetChatMessageContentAsync(history, new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel);

        Assert.True(turn.Session.OptedOut);
        Assert.True(turn.EndRequested);
        Assert.Equal([AuthorRole.System, AuthorRole.User, AuthorRole.Assistant, AuthorRole.Tool, AuthorRole.Tool], history.Select(m => m.Role));
        Assert.Empty(FunctionCallContent.GetFunctionCalls(reply));
        Assert.EndsWith("Goodbye.", reply.Content);
    }

    [Fact]
    public async Task Without_functions_offered_it_only_speaks()
    {
        var (turn, kernel, history) = await TurnAsync("Yes, sure, tell me more.");

        var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, kernel: kernel);

        Assert.Empty(FunctionCallContent.GetFunctionCalls(reply));
        Assert.StartsWith("Great.", reply.Content);
        Assert.Equal(Interest.Unknown, turn.Session.Interest);
    }

    [Fact]
    public async Task An_extraction_request_gets_the_structured_record_as_json()
    {
        var session = _harness.Session(OutageScript.Definition());
        await _harness.TalkAsync(session, "Maybe, I'm not sure yet.", "I'm worried about power cuts at night.");
        var turn = new ConversationTurn { Session = session, Script = await Prepare(session), Now = _harness.Clock.GetUtcNow(), Purpose = TurnPurpose.Extraction };
        var kernel = turn.Attach(_kernel);

        var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(
            new ChatHistory("Extract."), new OpenAIPromptExecutionSettings { ResponseFormat = typeof(CallSummaryRecord) }, kernel);

        var record = CallSummaryRecord.Parse(reply.Content);
        Assert.NotNull(record);
        Assert.Equal(("neutral", "none"), (record.Interest, record.FollowUp));
        Assert.Equal(["power cuts at night"], record.Concerns);
    }

    [Fact]
    public async Task A_request_without_a_conversation_turn_is_refused_clearly()
    {
        var chat = _kernel.GetRequiredService<IChatCompletionService>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => chat.GetChatMessageContentAsync(new ChatHistory("Hi"), kernel: _kernel));

        Assert.Contains("conversation turn", error.Message);
    }

    private async Task<(ConversationTurn Turn, Kernel Kernel, ChatHistory History)> TurnAsync(string customerText)
    {
        var session = _harness.Session(OutageScript.Definition());
        await _harness.Agent.OpenAsync(session);
        var turn = new ConversationTurn { Session = session, Script = await Prepare(session), Now = _harness.Clock.GetUtcNow() };
        var history = new ChatHistory(SystemPrompt.For(turn));
        history.AddUserMessage(customerText);
        return (turn, turn.Attach(_kernel), history);
    }

    private ValueTask<PreparedScript> Prepare(Abstractions.Conversation.ConversationSession session) =>
        _harness.Services.GetRequiredService<ScriptPreparer>().PrepareAsync(session);
}
