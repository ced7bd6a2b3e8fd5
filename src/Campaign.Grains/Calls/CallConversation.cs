using System.Diagnostics;
using System.Runtime.CompilerServices;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Telemetry;
using Campaign.Abstractions.Telephony;
using Campaign.Abstractions.Time;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Calls;

/// <summary>
/// The answered part of one call: the opening, each turn (whole or streamed), what the callee heard and when, and an
/// opt-out listed as soon as it is heard. Each step is stored before its answer goes back to the provider.
/// </summary>
internal sealed class CallConversation(
    IPersistentState<CallState> state,
    IConversationAgent agent,
    ITelephony telephony,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger logger,
    string callId)
{
    private const string Apology = "I'm sorry, we're having a technical problem. We'll call you another time. Goodbye.";

    private CallState Call => state.State;

    public async Task<CallInstruction> OpenAsync()
    {
        Call.Status = CallStatus.InProgress;
        Call.AnsweredAt = clock.GetUtcNow();
        Call.Session!.AnsweredAt = Call.AnsweredAt;
        var turn = await agent.OpenTurnAsync(Call.Session);
        Call.Session.Apply(turn);
        var reply = turn.Reply;
        Heard(reply.Text);
        var instruction = Remember(reply);
        await state.WriteStateAsync();
        return instruction;
    }

    /// <summary>The callee's turn (words, or null for silence) answered with one whole reply.</summary>
    public async Task<CallInstruction> RespondAsync(string? text)
    {
        Call.Turns++;
        var started = Stopwatch.GetTimestamp();
        AgentReply reply;
        try
        {
            var turn = await agent.ReplyTurnAsync(Call.Session!, text);
            Call.Session!.Apply(turn);
            reply = turn.Reply;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reply = Failed(ex);
        }

        Heard(reply.Text);
        var instruction = Remember(reply);
        await StoreTurnAsync();
        CampaignTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return instruction;
    }

    /// <summary>
    /// The callee's turn answered as the agent writes it, the words as they come, then a last token that says whether
    /// to hang up. A "stop calling me" is on the list before the first word of the reply is handed over. A caller that
    /// stops listening (the callee spoke over the agent) leaves the turn stored as far as it went.
    /// </summary>
    public async IAsyncEnumerable<ReplyToken> StreamAsync(string? text, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Call.Turns++;
        var started = Stopwatch.GetTimestamp();
        var stored = false;
        var applied = false;
        var stream = agent.StreamTurn(Call.Session!, text, cancellationToken);
        try
        {
            var endCall = false;
            AgentReply? whole = null;
            await foreach (var chunk in AgentStream.Guarded(stream.Chunks, Failed, cancellationToken))
            {
                if (chunk.Token.Length > 0)
                {
                    await RecordOptOutAsync(stream.OptedOut);
                    Heard(chunk.Token);
                    yield return new ReplyToken(chunk.Token, Last: false, HangUp: false);
                }

                endCall = chunk.Reply?.EndCall ?? endCall;
                whole = chunk.Reply ?? whole;
            }

            Call.Session!.Apply(stream.SoFar());
            applied = true;
            var transfer = whole is { Transfer: not null } && Remember(whole).TransferTo is not null;
            await StoreTurnAsync();
            stored = true;
            CampaignTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            yield return new ReplyToken("", Last: true, endCall, transfer, ListensAfter: endCall && whole is { ListensAfter: true });
        }
        finally
        {
            // Stopped early: the turn is kept as far as it went.
            if (!applied)
            {
                Call.Session!.Apply(stream.SoFar());
            }

            if (!stored && state.RecordExists && Call.Status == CallStatus.InProgress)
            {
                await StoreTurnAsync();
            }
        }
    }

    /// <summary>The callee spoke over the agent: the agent's line is cut to what was heard.</summary>
    public Task InterruptedAsync(string? heard)
    {
        Call.Session!.Apply(agent.InterruptedTurn(Call.Session!, heard));
        return state.WriteStateAsync();
    }

    /// <summary>The provider reports that the callee started hearing the agent.</summary>
    public Task FirstAudioAsync()
    {
        FirstAudio();
        return state.WriteStateAsync();
    }

    /// <summary>An opt-out heard in the turn goes on the do-not-call list at once; then the turn is stored.</summary>
    private async Task StoreTurnAsync()
    {
        await RecordOptOutAsync(Call.Session!.OptedOut);
        await state.WriteStateAsync();
    }

    private async Task RecordOptOutAsync(bool optedOut)
    {
        if (optedOut && !Call.OptOutRecorded)
        {
            await grains.GetGrain<ICustomerGrain>(Call.Request!.CustomerId).OptOutAsync("asked during a call", "call", callId);
            Call.OptOutRecorded = true;
        }
    }

    /// <summary>
    /// The reply as an instruction numbered for the callee's answer, kept for a repeat of this turn. A reply that hands
    /// the call to a person starts the transfer, pending until the provider says how it went.
    /// </summary>
    private CallInstruction Remember(AgentReply reply)
    {
        var instruction = reply switch
        {
            { Transfer: { } transfer } => CallInstruction.SayAndTransfer(reply.Text, transfer.Number, transfer.Whisper),
            { EndCall: true, ListensAfter: true } when !string.IsNullOrWhiteSpace(reply.Text) => CallInstruction.SayListenAndHangUp(reply.Text) with { AnswerTurn = Call.Turns + 1 },
            { EndCall: true } => CallInstruction.SayAndHangUp(reply.Text),
            _ => CallInstruction.SayAndListen(reply.Text) with { AnswerTurn = Call.Turns + 1 },
        };
        if (reply.Transfer is { } asked)
        {
            Call.Transfer = new CallTransfer(asked.Number, TransferResult.Pending, clock.GetUtcNow());
        }

        Call.LastInstruction = instruction;
        return instruction;
    }

    private AgentReply Failed(Exception ex)
    {
        CallLog.AgentFailed(logger, callId, ex.Message);
        Call.Note = $"conversation error: {ex.Message}";
        return new AgentReply(Apology, EndCall: true);
    }

    /// <summary>
    /// Words handed to a provider that does not report when its audio starts: the callee hears the agent from now on.
    /// Stored with the turn that carries them.
    /// </summary>
    private void Heard(string? words)
    {
        if (Call.FirstAudioAt is null && !string.IsNullOrWhiteSpace(words) && !telephony.ReportsFirstAudio)
        {
            FirstAudio();
        }
    }

    private void FirstAudio()
    {
        var now = clock.GetUtcNow();
        Call.FirstAudioAt = Call.AnsweredAt is { } answeredAt && now > answeredAt ? answeredAt + clock.RealDuration(now - answeredAt) : now;
        RecordFirstAudio();
    }

    private void RecordFirstAudio()
    {
        if (Call.AnsweredAt is { } answeredAt && Call.FirstAudioAt is { } firstAudioAt && firstAudioAt >= answeredAt)
        {
            CampaignTelemetry.TimeToFirstAudio.Record((firstAudioAt - answeredAt).TotalSeconds);
        }
    }
}
