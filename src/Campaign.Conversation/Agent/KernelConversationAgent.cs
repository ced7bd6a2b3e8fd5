using System.Runtime.CompilerServices;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Telemetry;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Model;
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
/// honours opt-outs and the script's limits, and a failing model ends the call politely. Each turn works on its own copy
/// of the session and returns what it changed (<see cref="AgentTurn"/>): the lines said and heard, the facts, the memory.
/// </summary>
public sealed partial class KernelConversationAgent(
    Kernel kernel,
    ScriptPreparer scripts,
    OutcomeExtraction extraction,
    OptOutRecognizer optOuts,
    TimeProvider clock,
    IOptions<ConversationOptions> options,
    ILogger<KernelConversationAgent> logger) : IConversationAgent
{
    private TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(0.05, options.Value.OpenAI.TimeoutSeconds));

    public async Task<AgentTurn> OpenTurnAsync(ConversationSession session, CancellationToken cancellationToken = default)
    {
        using var activity = StartActivity("agent open", session);
        var draft = session.Draft();
        var script = await scripts.PrepareAsync(session, draft.Memory, cancellationToken);
        return AgentTurn.Between(session, draft, Say(draft, script.OpeningLine, endReason: null));
    }

    public async Task<AgentTurn> ReplyTurnAsync(ConversationSession session, string? customerText, CancellationToken cancellationToken = default)
    {
        using var activity = StartActivity("agent respond", session);
        var draft = session.Draft();
        return AgentTurn.Between(session, draft, await ReplyAsync(session, draft, customerText, cancellationToken));
    }

    public AgentTurnStream StreamTurn(ConversationSession session, string? customerText, CancellationToken cancellationToken = default)
    {
        var draft = session.Draft();
        AgentReply? reply = null;
        return new AgentTurnStream(
            StreamAsync(session, draft, customerText, whole => reply = whole, cancellationToken),
            () => AgentTurn.Between(session, draft, reply ?? new AgentReply("", EndCall: false)),
            () => draft.OptedOut);
    }

    public AgentTurn InterruptedTurn(ConversationSession session, string? heard)
    {
        var draft = session.Draft();
        Interrupt(draft, heard);
        return AgentTurn.Between(session, draft, new AgentReply("", EndCall: false));
    }

    /// <summary>The turn's reply, worked out on <paramref name="draft"/>, a copy of <paramref name="session"/>.</summary>
    private async Task<AgentReply> ReplyAsync(ConversationSession session, ConversationSession draft, string? customerText, CancellationToken cancellationToken)
    {
        var begun = await BeginTurnAsync(session, draft, customerText, cancellationToken);
        if (begun.Reply is { } guarded)
        {
            return guarded;
        }

        var turn = begun.Turn!;
        string text;
        try
        {
            text = await AskAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(turn, ex, "");
        }

        var (reply, endReason) = Finish(turn, text);
        return Say(draft, reply, endReason, turn.TransferRequested);
    }

    /// <summary>The turn's reply streamed, worked out on <paramref name="draft"/>; <paramref name="finished"/> gets the whole reply.</summary>
    private async IAsyncEnumerable<AgentReplyChunk> StreamAsync(
        ConversationSession session, ConversationSession draft, string? customerText, Action<AgentReply> finished, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var begun = await BeginTurnAsync(session, draft, customerText, cancellationToken);
        if (begun.Reply is { } guarded)
        {
            finished(guarded);
            yield return new AgentReplyChunk(guarded.Text);
            yield return new AgentReplyChunk("", guarded);
            yield break;
        }

        var turn = begun.Turn!;
        var spoken = new SpokenText();
        AgentReply? reply = null;
        try
        {
            await using (var tokens = AskStreamingAsync(turn, cancellationToken).GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    string? token;
                    try
                    {
                        token = await tokens.MoveNextAsync() ? tokens.Current : null;
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        reply = Failed(turn, ex, spoken.Text);
                        break;
                    }

                    if (token is null)
                    {
                        break;
                    }

                    if (spoken.Add(token) is { Length: > 0 } speakable)
                    {
                        yield return new AgentReplyChunk(speakable);
                    }
                }
            }

            if (reply is null)
            {
                var said = spoken.Text;
                var (text, endReason) = Finish(turn, said);
                var rest = text.StartsWith(said, StringComparison.Ordinal) ? text[said.Length..] : spoken.Append(text);
                reply = Say(draft, said + rest, endReason, turn.TransferRequested);
                if (rest.Length > 0)
                {
                    yield return new AgentReplyChunk(rest);
                }
            }
            else if (reply.Text.Length > spoken.Text.Length)
            {
                yield return new AgentReplyChunk(reply.Text[spoken.Text.Length..]);
            }

            finished(reply);
            yield return new AgentReplyChunk("", reply);
        }
        finally
        {
            // Stopped early: the customer heard at most what was streamed so far.
            if (reply is null && spoken.Text.Length > 0)
            {
                draft.Transcript.Add(new TranscriptLine(Speaker.Agent, spoken.Text, clock.GetUtcNow()));
            }
        }
    }

    private static void Interrupt(ConversationSession session, string? heard)
    {
        var last = session.Transcript.FindLastIndex(l => l.Speaker == Speaker.Agent);
        if (last < 0 || last != session.Transcript.Count - 1)
        {
            return;
        }

        var line = session.Transcript[last];
        var text = string.IsNullOrWhiteSpace(heard) ? "" : heard.Trim();
        if (text.Length > line.Text.Length || !line.Text.StartsWith(text, StringComparison.Ordinal))
        {
            text = line.Text;
        }

        session.Transcript[last] = line with { Text = text + " [interrupted]" };
    }

    /// <summary>The guard before the model: silences, opt-outs and the script's limits answer without it.</summary>
    private async Task<(ConversationTurn? Turn, AgentReply? Reply)> BeginTurnAsync(ConversationSession original, ConversationSession session, string? customerText, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var script = await scripts.PrepareAsync(original, session.Memory, cancellationToken);
        if (string.IsNullOrWhiteSpace(customerText) && session.Memory.Dialogue.Step == DialogueStep.Declined)
        {
            // Nothing said after a refusal and the offer of not being called again: the call ends as the customer left it.
            return (null, Say(session, script.Script.Closing, EndReasons.Agent));
        }

        if (string.IsNullOrWhiteSpace(customerText) && session.Memory.EndReason is { } over)
        {
            // Nothing more after the goodbye (a question asked then stays unanswered, and counts as a yes at the end).
            return (null, Say(session, "Goodbye.", over) with { ListensAfter = false });
        }

        if (string.IsNullOrWhiteSpace(customerText))
        {
            session.Silences++;
            return (null, session.Silences >= ConversationLimits.MaxSilences
                ? Say(session, AgentLines.SilenceGoodbye, EndReasons.Silence)
                : Say(session, AgentLines.StillThere, endReason: null));
        }

        session.Transcript.Add(new TranscriptLine(Speaker.Customer, customerText.Trim(), now));
        if (session.Memory.EndReason is { } ended)
        {
            return (null, AfterGoodbye(session, script, customerText, ended));
        }

        OptOutSignal optOut;
        string? declined = null;
        if (session.Memory.OptOutAsked is { } asked)
        {
            session.Memory.OptOutAsked = null;
            // The agent asked "Would you like us to stop calling you?": only a real yes (or a request by itself) opts
            // out. A goodbye ends the call and a no, or an answer about something else, carries on; the customer stays
            // callable either way.
            var answer = OptOutConfirmation.Read(customerText);
            if (answer == ConfirmationAnswer.Goodbye)
            {
                return (null, Say(session, script.Script.Closing, EndReasons.Agent));
            }

            optOut = answer == ConfirmationAnswer.Yes ? OptOutSignal.Definite : OptOutSignal.None;
            declined = optOut == OptOutSignal.None ? asked : null;
            session.Memory.OptOutDeclined |= answer == ConfirmationAnswer.No;
        }
        else
        {
            optOut = ReadOptOut(session, customerText, answersOffer: AgentLines.AsksWhatADeclineAnswers(session));
        }

        if (optOut == OptOutSignal.Definite)
        {
            SessionUpdates.OptOut(session);
            return (null, Say(session, AgentLines.OptOut(script), EndReasons.OptOut));
        }

        if (optOut == OptOutSignal.Possible)
        {
            session.Memory.OptOutAsked = customerText.Trim();
            return (null, Say(session, AgentLines.AskOptOut, endReason: null));
        }

        if (ConversationLimits.Exceeded(session, script, now) is { } limit)
        {
            return (null, Say(session, AgentLines.OutOfTime(script), limit));
        }

        return (new ConversationTurn
        {
            Session = session,
            Script = script,
            Now = now,
            LastTurn = ConversationLimits.IsLastTurn(session, script),
            DeclinedOptOut = declined,
        }, null);
    }

    /// <summary>
    /// What the model said becomes the reply; an opt-out it recorded, or the last turn, makes it a goodbye, and a reply
    /// that takes leave of the customer ends the call even when the model did not call end_call.
    /// </summary>
    private (string Text, string? EndReason) Finish(ConversationTurn turn, string text)
    {
        var session = turn.Session;
        if (session.OptedOut)
        {
            turn.TransferRequested = null;
            SessionUpdates.OptOut(session);
            return (AgentLines.Closing(text, turn.Script), EndReasons.OptOut);
        }

        if (turn.TransferRequested is not null)
        {
            // The person takes over: no goodbye from the agent, and the conversation is over for it.
            return (string.IsNullOrWhiteSpace(text) || ClosingLine.IsGoodbye(text) ? HumanTransfer.PutThroughLine : text, EndReasons.Transfer);
        }

        if (turn.EndRequested || turn.LastTurn)
        {
            return (AgentLines.Closing(text, turn.Script), turn.EndRequested ? EndReasons.Agent : EndReasons.MaxTurns);
        }

        if (ClosingLine.IsGoodbye(text))
        {
            ModelFaultLog.GoodbyeWithoutEndCall(logger, CallId(session));
            return (text, EndReasons.Agent);
        }

        return (string.IsNullOrWhiteSpace(text) ? AgentLines.NotHeard : text, null);
    }

    /// <summary>The model failed for good: the call ends politely, and the outcome will keep the customer in play.</summary>
    private AgentReply Failed(ConversationTurn turn, Exception ex, string alreadySaid)
    {
        var session = turn.Session;
        var failure = ModelErrors.Describe(ex);
        if (ModelErrors.IsTimeout(ex))
        {
            ModelFaultLog.Timeout(logger, CallId(session), Timeout.TotalSeconds);
        }

        ModelFaultLog.ModelFailed(logger, CallId(session), failure, ModelErrors.Redact(ex, options.Value.OpenAI.ApiKey));
        var apology = ModelFailure.Record(session, turn.Script, failure, clock.GetUtcNow() + TimeSpan.FromMinutes(options.Value.OpenAI.CallAgainAfterMinutes));
        return Say(session, alreadySaid.Length == 0 ? apology : $"{alreadySaid} {apology}", EndReasons.ModelFailure);
    }

    public async Task<AgentConclusion> ConcludeTurnAsync(ConversationSession session, CancellationToken cancellationToken = default)
    {
        using var activity = StartActivity("agent conclude", session);
        var draft = session.Draft();
        if (draft.Memory.OptOutAsked is not null && !draft.OptedOut)
        {
            // The call ended before the customer answered whether they want no more calls: they are not called again.
            SessionUpdates.OptOut(draft);
        }

        var script = await scripts.PrepareAsync(session, draft.Memory, cancellationToken);
        var summary = await extraction.ExtractAsync(draft, script, clock.GetUtcNow(), cancellationToken);
        var outcome = OutcomeComposer.Compose(draft, script, summary);
        return new AgentConclusion(outcome, AgentTurn.Between(session, draft, new AgentReply("", EndCall: true)));
    }

    /// <summary>
    /// The model's reply within the turn's time budget (retries of failed requests included). Tool calls the connector
    /// could not run are logged; an empty reply on a turn that goes on is asked for once more, then is a failure.
    /// </summary>
    private async Task<string> AskAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        var turnKernel = turn.Attach(kernel);
        var chat = turnKernel.GetRequiredService<IChatCompletionService>();
        var history = TranscriptHistory.Build(SystemPrompt.For(turn), turn.Session.Transcript);
        using var scope = new ModelRequestScope(turn.Session.CallId, Timeout).Enter();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        for (var attempt = 1; ; attempt++)
        {
            var asked = history.Count;
            var reply = await chat.GetChatMessageContentAsync(history, Settings(), turnKernel, timeout.Token);
            ToolCallAudit.Report(history, asked, turnKernel, logger, CallId(turn.Session));
            var text = (reply.Content ?? "").Trim().Trim('"').Trim();
            if (text.Length > 0 || !EmptyReply.IsFault(turn))
            {
                return text;
            }

            EmptyReply.AskAgain(turn, attempt, logger);
        }
    }

    /// <summary>The model's reply token by token; the timeout (and the retry budget) applies to the wait for each token.</summary>
    private async IAsyncEnumerable<string> AskStreamingAsync(ConversationTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var turnKernel = turn.Attach(kernel);
        var chat = turnKernel.GetRequiredService<IChatCompletionService>();
        var history = TranscriptHistory.Build(SystemPrompt.For(turn), turn.Session.Transcript);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        for (var attempt = 1; ; attempt++)
        {
            var asked = history.Count;
            var spoke = false;
            await using (var chunks = chat.GetStreamingChatMessageContentsAsync(history, Settings(), turnKernel, timeout.Token).GetAsyncEnumerator(timeout.Token))
            {
                while (true)
                {
                    bool more;
                    using (new ModelRequestScope(turn.Session.CallId, Timeout).Enter())
                    {
                        more = await chunks.MoveNextAsync();
                    }

                    if (!more)
                    {
                        break;
                    }

                    timeout.CancelAfter(Timeout);
                    if (chunks.Current.Content is { Length: > 0 } content)
                    {
                        spoke |= content.Trim().Trim('"').Length > 0;
                        yield return content;
                    }
                }
            }

            ToolCallAudit.Report(history, asked, turnKernel, logger, CallId(turn.Session));
            if (spoke || !EmptyReply.IsFault(turn))
            {
                yield break;
            }

            EmptyReply.AskAgain(turn, attempt, logger);
        }
    }

    private static OpenAIPromptExecutionSettings Settings() => new()
    {
        // Strict schemas: the model must give every argument, and enum arguments from their allowed values.
        FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(options: new FunctionChoiceBehaviorOptions { AllowStrictSchemaAdherence = true }),
        Temperature = 0.2,
        MaxTokens = 300,
    };

    private static string CallId(ConversationSession session) => session.CallId ?? "-";

    /// <summary>The agent's span within the turn's trace; the kernel's own spans (functions, chat) nest under it.</summary>
    private static System.Diagnostics.Activity? StartActivity(string name, ConversationSession session) =>
        CampaignTelemetry.Source.StartActivity(name)?.SetTag("campaign.call.id", session.CallId);

    /// <summary>
    /// Whether a line (not an answer to the opt-out question) is an opt-out. Once the customer said no to the question on
    /// this call, a line that only might be one is not asked about again: that only risks taking their next "yes" (to
    /// something else) as a request. A clear request is still honoured at once.
    /// </summary>
    private OptOutSignal ReadOptOut(ConversationSession session, string customerText, bool answersOffer)
    {
        var optOut = optOuts.Classify(customerText, answersOffer);
        return optOut == OptOutSignal.Possible && session.Memory.OptOutDeclined ? OptOutSignal.None : optOut;
    }

    /// <summary>
    /// Words heard after the goodbye, while the line was still open: only a request not to be called again is acted on
    /// (a line that only might be one is asked about once); anything else gets a last goodbye.
    /// </summary>
    private AgentReply AfterGoodbye(ConversationSession session, PreparedScript script, string customerText, string ended)
    {
        OptOutSignal optOut;
        if (session.Memory.OptOutAsked is not null)
        {
            session.Memory.OptOutAsked = null;
            optOut = OptOutConfirmation.Read(customerText) == ConfirmationAnswer.Yes ? OptOutSignal.Definite : OptOutSignal.None;
        }
        else
        {
            // A bare "no, don't bother" over the goodbye still answers what the agent offered last.
            optOut = ReadOptOut(session, customerText, answersOffer: true);
        }

        if (optOut == OptOutSignal.Definite)
        {
            SessionUpdates.OptOut(session);
            return Say(session, AgentLines.OptOut(script), EndReasons.OptOut) with { ListensAfter = false };
        }

        if (optOut == OptOutSignal.Possible)
        {
            session.Memory.OptOutAsked = customerText.Trim();
            return Say(session, AgentLines.AskOptOut, endReason: null);
        }

        return Say(session, "Goodbye.", ended) with { ListensAfter = false };
    }

    private AgentReply Say(ConversationSession session, string text, string? endReason, AgentTransfer? transfer = null)
    {
        session.Transcript.Add(new TranscriptLine(Speaker.Agent, text, clock.GetUtcNow()));
        if (endReason is not null)
        {
            session.Memory.EndReason = endReason;
        }

        // A transfer hands the line over rather than hanging up; after a goodbye the line stays open a moment for last
        // words, except when the customer has just been taken off the list (nothing more to hear) or handed over.
        return transfer is not null
            ? new AgentReply(text, EndCall: false, transfer)
            : new AgentReply(text, EndCall: endReason is not null) { ListensAfter = endReason is not (null or EndReasons.OptOut or EndReasons.Transfer) };
    }
}
