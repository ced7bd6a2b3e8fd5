using System.Runtime.CompilerServices;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Functions;
using Campaign.Conversation.Outcome;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace Campaign.Conversation.Offline;

/// <summary>
/// A chat model that follows the call's script instead of generating text (<c>Conversation:Provider=Offline</c>).
/// It answers like an OpenAI model would: an assistant message with function calls for the <c>call</c> plugin, and
/// the text. With auto-invocation on (<c>FunctionChoiceBehavior.Auto()</c>) it invokes those functions through the
/// kernel and appends the call and result messages to the chat history, as the OpenAI connector does; otherwise it
/// returns them in the message for the caller to invoke. For an extraction request it answers the
/// <see cref="CallSummaryRecord"/> JSON from the transcript rules. The structured script comes from the turn in
/// <see cref="Kernel.Data"/>, not from the prompt text.
/// </summary>
public sealed class OfflineScriptChatService : IChatCompletionService
{
    public const string ModelId = "offline-script";

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = ModelId };

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        var turn = ConversationTurn.Of(kernel) ?? throw new InvalidOperationException(
            $"The offline script engine only answers conversation turns: the kernel must carry one in Kernel.Data[\"{ConversationTurn.DataKey}\"].");
        if (turn.Purpose == TurnPurpose.Extraction)
        {
            return [Reply(TranscriptExtractor.Extract(turn.Session, turn.Script).ToJson())];
        }

        var customerText = chatHistory.LastOrDefault(m => m.Role == AuthorRole.User)?.Content ?? "";
        var plan = OfflineDialogue.Plan(turn, customerText);
        var configuration = executionSettings?.FunctionChoiceBehavior?.GetConfiguration(new FunctionChoiceBehaviorConfigurationContext(chatHistory) { Kernel = kernel });
        var offered = configuration?.Functions ?? [];
        var calls = plan.Calls
            .Where(c => offered.Any(f => f.PluginName == CallFunctions.PluginName && f.Name == c.Function))
            .Select((c, i) => new FunctionCallContent(c.Function, CallFunctions.PluginName, $"offline-{chatHistory.Count}-{i}", new KernelArguments(new Dictionary<string, object?>(c.Arguments))))
            .ToList();

        if (configuration?.AutoInvoke == true && calls.Count > 0)
        {
            var request = new ChatMessageContent(AuthorRole.Assistant, content: null) { ModelId = ModelId };
            calls.ForEach(request.Items.Add);
            chatHistory.Add(request);
            foreach (var call in calls)
            {
                var result = await call.InvokeAsync(kernel!, cancellationToken);
                chatHistory.Add(result.ToChatMessage());
            }

            return [Reply(plan.Text)];
        }

        var reply = Reply(plan.Text);
        calls.ForEach(reply.Items.Add);
        return [reply];
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The text comes word by word, as a model's tokens would, so streaming paths see more than one piece.
        var replies = await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken);
        foreach (var reply in replies)
        {
            var words = (reply.Content ?? "").Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new StreamingChatMessageContent(AuthorRole.Assistant, i == 0 ? words[i] : " " + words[i]) { ModelId = ModelId };
            }
        }
    }

    private static ChatMessageContent Reply(string text) => new(AuthorRole.Assistant, text) { ModelId = ModelId };
}
