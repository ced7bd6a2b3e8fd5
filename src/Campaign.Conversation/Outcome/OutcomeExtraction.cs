using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// The final structured extraction pass: the kernel's chat model is asked for a <see cref="CallSummaryRecord"/> as a
/// strict JSON schema response (<see cref="ExtractionSchema"/>). When the model already failed during the call, fails
/// now, or answers something unreadable, the deterministic <see cref="TranscriptExtractor"/> answers instead, so an
/// answered call always gets an outcome; a value outside the allowed set is replaced field by field
/// (<see cref="ExtractionCheck"/>). Each fault is logged and noted in the call's summary.
/// </summary>
public sealed class OutcomeExtraction(Kernel kernel, IOptions<ConversationOptions> options, ILogger<OutcomeExtraction> logger)
{
    public async Task<CallSummaryRecord> ExtractAsync(ConversationSession session, PreparedScript script, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (session.Memory.Failure is not null || session.Transcript.Count == 0)
        {
            return TranscriptExtractor.Extract(session, script);
        }

        string? content;
        try
        {
            var turn = new ConversationTurn { Session = session, Script = script, Now = now, Purpose = TurnPurpose.Extraction };
            var turnKernel = turn.Attach(kernel);
            var history = new ChatHistory(Instructions(script));
            history.AddUserMessage(TranscriptHistory.AsText(session.Transcript));
            var settings = new OpenAIPromptExecutionSettings { ResponseFormat = ExtractionSchema.Format(), Temperature = 0 };
            var budget = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.OpenAI.TimeoutSeconds));
            using var scope = new ModelRequestScope(session.CallId, budget).Enter();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(budget);
            var reply = await turnKernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, turnKernel, timeout.Token);
            content = reply.Content;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = ModelErrors.Describe(ex);
            ModelFaultLog.ExtractionFailed(logger, session.CallId ?? "-", failure, ModelErrors.Redact(ex, options.Value.OpenAI.ApiKey));
            session.Memory.AddNote($"Model fault: the outcome extraction failed ({failure}), so the outcome was read from the transcript.");
            return TranscriptExtractor.Extract(session, script);
        }

        return CallSummaryRecord.Parse(content) is { } record
            ? ExtractionCheck.Check(record, session, script, logger)
            : ExtractionCheck.Unreadable(session, script, logger, string.IsNullOrWhiteSpace(content) ? "an empty reply" : "not a JSON object of the schema");
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
}
