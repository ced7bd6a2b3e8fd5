using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Outcome;
using Campaign.Conversation.Understanding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Campaign.Conversation.Agent;

/// <summary>
/// The conversation agent: opens with the script's disclosure and opening, then asks the kernel's chat model for each
/// reply with the kernel functions available, and concludes with a structured extraction. A guard outside the model
/// honours opt-outs and the script's limits, and a failing model ends the call politely. The agent appends every line
/// it says and every line it hears to the session's transcript.
/// </summary>
public sealed partial class KernelConversationAgent(
    Kernel kernel,
    ScriptPreparer scripts,
    OutcomeExtraction extraction,
    TimeProvider clock,
    IOptions<ConversationOptions> options,
    ILogger<KernelConversationAgent> logger) : IConversationAgent
{
    private TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(0.05, options.Value.OpenAI.TimeoutSeconds));

    public async Task<AgentReply> OpenAsync(ConversationSession session, CancellationToken cancellationToken = default)
    {
        var script = await scripts.PrepareAsync(session, cancellationToken);
        return Say(session, script.OpeningLine, endReason: null);
    }

    public async Task<AgentReply> RespondAsync(ConversationSession session, string? customerText, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var script = await scripts.PrepareAsync(session, cancellationToken);
        if (string.IsNullOrWhiteSpace(customerText))
        {
            session.Silences++;
            return session.Silences >= ConversationLimits.MaxSilences
                ? Say(session, AgentLines.SilenceGoodbye, EndReasons.Silence)
                : Say(session, AgentLines.StillThere, endReason: null);
        }

        session.Transcript.Add(new TranscriptLine(Speaker.Customer, customerText.Trim(), now));
        if (session.Memory.TryGetValue(MemoryKeys.EndReason, out var ended))
        {
            return Say(session, "Goodbye.", ended);
        }

        if (OptOutDetector.IsOptOut(customerText))
        {
            SessionUpdates.OptOut(session);
            return Say(session, AgentLines.OptOut(script), EndReasons.OptOut);
        }

        if (ConversationLimits.Exceeded(session, script, now) is { } limit)
        {
            return Say(session, AgentLines.OutOfTime(script), limit);
        }

        var turn = new ConversationTurn { Session = session, Script = script, Now = now, LastTurn = ConversationLimits.IsLastTurn(session, script) };
        string text;
        try
        {
            text = await AskAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            session.Memory[MemoryKeys.Failure] = ModelErrors.Describe(ex);
            LogModelFailed(logger, session.Customer.Id, ModelErrors.Describe(ex), ModelErrors.Redact(ex, options.Value.OpenAI.ApiKey));
            return Say(session, AgentLines.ModelFailure(script), EndReasons.ModelFailure);
        }

        // Whatever the model said, an opt-out it recorded ends the call, and so does the last turn the script allows.
        if (session.OptedOut)
        {
            SessionUpdates.OptOut(session);
            return Say(session, AgentLines.Closing(text, script), EndReasons.OptOut);
        }

        if (turn.EndRequested || turn.LastTurn)
        {
            return Say(session, AgentLines.Closing(text, script), turn.EndRequested ? EndReasons.Agent : EndReasons.MaxTurns);
        }

        return Say(session, string.IsNullOrWhiteSpace(text) ? AgentLines.NotHeard : text, endReason: null);
    }

    public async Task<CallOutcome> ConcludeAsync(ConversationSession session, CancellationToken cancellationToken = default)
    {
        var script = await scripts.PrepareAsync(session, cancellationToken);
        var summary = await extraction.ExtractAsync(session, script, clock.GetUtcNow(), cancellationToken);
        return OutcomeComposer.Compose(session, script, summary);
    }

    private async Task<string> AskAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        var turnKernel = turn.Attach(kernel);
        var chat = turnKernel.GetRequiredService<IChatCompletionService>();
        var history = TranscriptHistory.Build(SystemPrompt.For(turn), turn.Session.Transcript);
        var settings = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            Temperature = 0.2,
            MaxTokens = 300,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var reply = await chat.GetChatMessageContentAsync(history, settings, turnKernel, timeout.Token);
        return (reply.Content ?? "").Trim().Trim('"').Trim();
    }

    private AgentReply Say(ConversationSession session, string text, string? endReason)
    {
        session.Transcript.Add(new TranscriptLine(Speaker.Agent, text, clock.GetUtcNow()));
        if (endReason is not null)
        {
            session.Memory[MemoryKeys.EndReason] = endReason;
        }

        return new AgentReply(text, EndCall: endReason is not null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation model failed for customer {CustomerId} ({Failure}: {Detail}); the call ends with an apology")]
    private static partial void LogModelFailed(ILogger logger, string customerId, string failure, string detail);
}
