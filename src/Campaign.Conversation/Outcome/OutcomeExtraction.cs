using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// The final structured extraction pass: the kernel's chat model is asked for a <see cref="CallSummaryRecord"/> as a
/// JSON schema response. When the model already failed during the call, fails now, or answers something unreadable,
/// the deterministic <see cref="TranscriptExtractor"/> answers instead, so an answered call always gets an outcome.
/// </summary>
public sealed partial class OutcomeExtraction(Kernel kernel, IOptions<ConversationOptions> options, ILogger<OutcomeExtraction> logger)
{
    public async Task<CallSummaryRecord> ExtractAsync(ConversationSession session, PreparedScript script, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (session.Memory.ContainsKey(MemoryKeys.Failure) || session.Transcript.Count == 0)
        {
            return TranscriptExtractor.Extract(session, script);
        }

        try
        {
            var turn = new ConversationTurn { Session = session, Script = script, Now = now, Purpose = TurnPurpose.Extraction };
            var turnKernel = turn.Attach(kernel);
            var history = new ChatHistory(Instructions(script));
            history.AddUserMessage(TranscriptHistory.AsText(session.Transcript));
            var settings = new OpenAIPromptExecutionSettings { ResponseFormat = typeof(CallSummaryRecord), Temperature = 0 };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.05, options.Value.OpenAI.TimeoutSeconds)));
            var reply = await turnKernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, turnKernel, timeout.Token);
            if (CallSummaryRecord.Parse(reply.Content) is { } record)
            {
                return record;
            }

            LogUnreadable(logger, session.Customer.Id);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, session.Customer.Id, $"{ModelErrors.Describe(ex)}: {ModelErrors.Redact(ex, options.Value.OpenAI.ApiKey)}");
        }

        return TranscriptExtractor.Extract(session, script);
    }

    private static string Instructions(PreparedScript script) =>
        $"""
        You read the transcript of a phone call that an automated assistant made on behalf of {script.Company}.
        Goal of the call: {script.Script.Goal}
        Extract what was learnt. interest: interested, neutral, notInterested, or unknown when the customer never said.
        concerns: each concern the customer raised, in a few words. followUp: moreInfo, callback, leaveAlone or none.
        callbackTime: for a callback, when the customer asked to be called, in their words; otherwise null.
        summary: one paragraph for the operations team, including the answers to these questions if given:
        {string.Join(" ", script.Script.CaptureQuestions)}
        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome extraction for customer {CustomerId} failed ({Reason}); using the transcript rules")]
    private static partial void LogFailed(ILogger logger, string customerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome extraction for customer {CustomerId} returned no readable record; using the transcript rules")]
    private static partial void LogUnreadable(ILogger logger, string customerId);
}
