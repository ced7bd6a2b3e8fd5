using System.Diagnostics;
using System.Runtime.CompilerServices;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;
using Campaign.Abstractions.Telephony;
using Campaign.Conversation.Agent;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Campaign.Grains.Calls;

/// <summary>
/// One call attempt. State is written before the number is dialled, so a repeated start never dials twice; the end
/// is stored and reported to the campaign and the customer exactly once, however often the provider repeats events.
/// A watchdog reminder ends calls lost with a silo and retries a report that could not be delivered.
/// </summary>
public sealed partial class CallGrain(
    [PersistentState("call", StorageNames.Default)] IPersistentState<CallState> state,
    ITelephony telephony,
    IConversationAgent agent,
    ICallStore calls,
    CustomerLocator locator,
    IOptions<CallOptions> options,
    IOptions<ComplianceOptions> compliance,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<CallGrain> logger,
    DialGate gate) : Grain, ICallGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";
    private IGrainTimer? _deadline;
    private IGrainTimer? _settle;
    private ActivityContext _endedIn;
    private bool _counted;

    // A streamed reply runs interleaved with other requests (Orleans drives it through always-interleaving calls),
    // so every change to the call goes through this gate, one at a time.
    private readonly SemaphoreSlim _gate = new(1, 1);

    private string Id => this.GetPrimaryKeyString();

    private CallState Call => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && Call.Status != CallStatus.Ended && Call.StartedAt is { } started)
        {
            ArmDeadline(started);
        }

        if (state.RecordExists)
        {
            // After a restart a live call may be gone with its silo, or an end may not have been reported yet.
            this.RegisterGrainTimer(_ => Exclusive(CheckAsync), new GrainTimerCreationOptions { DueTime = TimeSpan.FromSeconds(1), Period = Timeout.InfiniteTimeSpan });
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Gone with a live call (the silo stops): the watchdog ends it elsewhere; this silo no longer waits for it.
        if (_counted)
        {
            _counted = false;
            gate.CallEnded();
        }

        return Task.CompletedTask;
    }

    public async Task<CallStartResult> StartAsync(CallRequest request)
    {
        if (state.RecordExists)
        {
            return Call.Status == CallStatus.Ended ? CallStartResult.AlreadyEnded : CallStartResult.Placed;
        }

        if (await calls.ExistsAsync(Id))
        {
            return CallStartResult.AlreadyEnded;
        }

        // The watchdog exists before anything is claimed or written: in a cluster its reminder service may be on a silo
        // that just died, and a call stored without its watchdog would wait for an end nobody reports.
        await this.RegisterOrUpdateReminder(WatchdogReminder, options.Value.WatchdogPeriod, options.Value.WatchdogPeriod);

        // Whatever a campaign asks, the customer's grain decides under every rule, from the stored profile and the
        // customer's own place (not the work list's), and records the decision before anything is dialled.
        var limit = options.Value.RingTimeout + request.MaxDuration;
        var verdict = await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).DecideDialAsync(
            new DialRequest(request.CampaignId, Id, request.Purpose, request.Window, clock.GetUtcNow() + limit + TimeSpan.FromMinutes(1)));
        if (verdict.Result != CallStartResult.Placed || verdict.Profile is not { } profile)
        {
            await StopWatchdogAsync();
            return verdict.Result == CallStartResult.Placed ? CallStartResult.UnknownCustomer : verdict.Result;
        }

        var place = locator.Locate(profile);

        // The attempt starts once the customer is claimed: the claim may have waited for their previous call to end.
        var now = clock.GetUtcNow();
        Call.Request = request;
        Call.Status = CallStatus.Dialing;
        Call.StartedAt = now;
        Call.Phone = profile.Phone;
        // The conversation resolves callback times and the answer's local hour in the customer's zone: the located one
        // when none was imported, rather than UTC.
        var customer = profile.TimeZone is null && place.IsKnown ? profile with { TimeZone = place.Zones[0] } : profile;
        Call.Session = new ConversationSession { CallId = Id, Customer = customer, ScriptId = request.ScriptId, ScriptVersion = request.ScriptVersion };
        await state.WriteStateAsync();
        ArmDeadline(now);
        ReportProgress();

        try
        {
            CampaignTelemetry.Dials.Add(1);
            gate.CallPlaced();
            _counted = true;
            var providerCallId = await telephony.PlaceCallAsync(new PlaceCallRequest(Id, request.CustomerId, profile.Phone, request.CallerId, request.Attempt, options.Value.RingTimeout));
            if (Call.Status != CallStatus.Ended)
            {
                Call.ProviderCallId = providerCallId;
                await state.WriteStateAsync();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDialFailed(logger, Id, ex.Message);
            await FinishAsync(CallResult.Failed, $"dialling failed: {ex.Message}");
        }

        return CallStartResult.Placed;
    }

    public Task<CallInstruction> OnEventAsync(CallEvent callEvent) => Exclusive(() => HandleAsync(callEvent));

    public async IAsyncEnumerable<ReplyToken> ConverseAsync(CallEvent callEvent, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        var settled = false;
        long turnStarted = 0;
        try
        {
            if (CallLifecycle.Next(Position, callEvent) != CallStep.Turn)
            {
                var instruction = await HandleAsync(callEvent);
                settled = true;
                if (!string.IsNullOrEmpty(instruction.Say))
                {
                    yield return new ReplyToken(instruction.Say, Last: false, HangUp: false);
                }

                yield return new ReplyToken("", Last: true, instruction.HangUp);
                yield break;
            }

            Call.Turns++;
            turnStarted = Stopwatch.GetTimestamp();
            var reply = default(AgentReply);
            var stream = agent.StreamResponseAsync(Call.Session!, callEvent.Kind == CallEventKind.Speech ? callEvent.Text : null, cancellationToken);
            await using (var chunks = stream.GetAsyncEnumerator(cancellationToken))
            {
                while (reply is null)
                {
                    AgentReplyChunk? chunk;
                    Exception? failure = null;
                    try
                    {
                        chunk = await chunks.MoveNextAsync() ? chunks.Current : null;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        chunk = null;
                        failure = ex;
                    }

                    if (chunk is null)
                    {
                        reply = AgentFailed(failure ?? new InvalidOperationException("the reply ended without its last chunk"));
                        await RecordOptOutAsync();
                        HeardAgent(reply.Text);
                        yield return new ReplyToken(reply.Text, Last: false, HangUp: false);
                        break;
                    }

                    if (chunk.Token.Length > 0)
                    {
                        // A "stop calling me" is on the list before the first word of the reply is spoken.
                        await RecordOptOutAsync();
                        HeardAgent(chunk.Token);
                        yield return new ReplyToken(chunk.Token, Last: false, HangUp: false);
                    }

                    reply = chunk.Reply;
                }
            }

            await AfterTurnAsync();
            settled = true;
            CampaignTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(turnStarted).TotalSeconds);
            yield return new ReplyToken("", Last: true, reply.EndCall);
        }
        finally
        {
            // Stopped early (an interruption): keep the turn as far as it went.
            if (!settled && state.RecordExists && Call.Status == CallStatus.InProgress)
            {
                await AfterTurnAsync();
            }

            _gate.Release();
        }
    }

    private async Task<CallInstruction> HandleAsync(CallEvent callEvent)
    {
        switch (CallLifecycle.Next(Position, callEvent))
        {
            case CallStep.HangUp:
                return CallInstruction.SayAndHangUp(null);
            case CallStep.Ringing:
                Call.Status = CallStatus.Ringing;
                ReportProgress();
                return CallInstruction.None;
            case CallStep.Answer:
                return await AnsweredAsync();
            case CallStep.Machine:
                return await MachineAnsweredAsync();
            case CallStep.Turn:
                Call.Turns++;
                var started = Stopwatch.GetTimestamp();
                var answer = await RespondAsync(callEvent.Kind == CallEventKind.Speech ? callEvent.Text : null);
                CampaignTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                return answer;
            case CallStep.RepeatOpening or CallStep.RepeatTurn:
                return Call.LastInstruction! with { Repeat = true };
            case CallStep.FirstAudio:
                Call.FirstAudioAt = clock.GetUtcNow();
                RecordFirstAudio();
                await state.WriteStateAsync();
                return CallInstruction.None;
            case CallStep.Interrupted:
                agent.Interrupted(Call.Session!, callEvent.Text);
                await state.WriteStateAsync();
                return CallInstruction.None;
            case CallStep.End:
                await FinishAsync(CallLifecycle.ResultOf(Call.Status, callEvent.EndReason ?? CallEndReason.Completed), null);
                return CallInstruction.None;
            default:
                return CallInstruction.None;
        }
    }

    public Task HangUpAsync(string reason) => Exclusive(() => HangUpNowAsync(reason));

    private async Task HangUpNowAsync(string reason)
    {
        if (!state.RecordExists || Call.Status == CallStatus.Ended)
        {
            return;
        }

        if (Call.ProviderCallId is { } providerCallId)
        {
            try
            {
                await telephony.HangUpAsync(Id, providerCallId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHangUpFailed(logger, Id, ex.Message);
            }
        }

        await FinishAsync(CallLifecycle.ResultOf(Call.Status, CallEndReason.Canceled), reason);
    }

    public async Task<CallRecord?> GetAsync() =>
        state.RecordExists ? Call.ToRecord(Id) : await calls.GetAsync(Id);

    public async Task<bool> IsKnownAsync() => state.RecordExists || await calls.ExistsAsync(Id);

    public Task<bool> EraseAsync() => Exclusive(async () =>
    {
        if (!state.RecordExists)
        {
            return true;
        }

        if (Call.Status != CallStatus.Ended)
        {
            return false;
        }

        await state.ClearStateAsync();
        return true;
    });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            await StopWatchdogAsync();
            return;
        }

        await Exclusive(CheckAsync);
    }

    private CallPosition Position => state.RecordExists
        ? new CallPosition(true, Call.Status, Call.Turns, Call.LastInstruction is not null, Call.FirstAudioAt is not null)
        : CallPosition.None;

    /// <summary>One-way: live dashboards hear that this call moved on; the call never waits for them.</summary>
    private void ReportProgress() => _ = GrainFactory.GetGrain<ICampaignGrain>(Call.Request!.CampaignId)
        .OnCallProgressAsync(new CallProgress(Id, Call.Status, Call.StartedAt, Call.AnsweredAt, Call.Session?.Customer.Name));

    private async Task<CallInstruction> AnsweredAsync()
    {
        Call.Status = CallStatus.InProgress;
        Call.AnsweredAt = clock.GetUtcNow();
        Call.Session!.AnsweredAt = Call.AnsweredAt;
        var reply = await agent.OpenAsync(Call.Session);
        HeardAgent(reply.Text);
        var instruction = Remember(reply);
        await state.WriteStateAsync();
        ReportProgress();
        return instruction;
    }

    private async Task<CallInstruction> MachineAnsweredAsync()
    {
        Call.Status = CallStatus.Voicemail;
        Call.AnsweredAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        ReportProgress();
        var policy = Call.Request!.VoicemailPolicy;
        var message = policy.Action == VoicemailAction.LeaveMessage ? policy.Message : null;
        Call.Note = message is null ? "voicemail: hung up" : "voicemail: message left";
        return CallInstruction.SayAndHangUp(message);
    }

    private async Task<CallInstruction> RespondAsync(string? text)
    {
        AgentReply reply;
        try
        {
            reply = await agent.RespondAsync(Call.Session!, text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reply = AgentFailed(ex);
        }

        HeardAgent(reply.Text);
        var instruction = Remember(reply);
        await AfterTurnAsync();
        return instruction;
    }

    /// <summary>The reply as an instruction numbered for the callee's answer, kept for a repeat of this turn.</summary>
    private CallInstruction Remember(AgentReply reply)
    {
        var instruction = reply.EndCall
            ? CallInstruction.SayAndHangUp(reply.Text)
            : CallInstruction.SayAndListen(reply.Text) with { AnswerTurn = Call.Turns + 1 };
        Call.LastInstruction = instruction;
        return instruction;
    }

    private AgentReply AgentFailed(Exception ex)
    {
        LogAgentFailed(logger, Id, ex.Message);
        Call.Note = $"conversation error: {ex.Message}";
        return new AgentReply("I'm sorry, we're having a technical problem. We'll call you another time. Goodbye.", EndCall: true);
    }

    /// <summary>An opt-out heard in the turn goes on the do-not-call list at once; then the turn is stored.</summary>
    private async Task AfterTurnAsync()
    {
        await RecordOptOutAsync();
        await state.WriteStateAsync();
    }

    private async Task RecordOptOutAsync()
    {
        if (Call.Session!.OptedOut && !Call.OptOutRecorded)
        {
            await GrainFactory.GetGrain<ICustomerGrain>(Call.Request!.CustomerId).OptOutAsync("asked during a call", "call");
            Call.OptOutRecorded = true;
        }
    }

    /// <summary>
    /// Words handed to a provider that does not report when its audio starts: the callee hears the agent from now on.
    /// Written with the turn that carries them.
    /// </summary>
    private void HeardAgent(string? words)
    {
        if (Call.FirstAudioAt is null && !string.IsNullOrWhiteSpace(words) && !telephony.ReportsFirstAudio)
        {
            Call.FirstAudioAt = clock.GetUtcNow();
            RecordFirstAudio();
        }
    }

    private void RecordFirstAudio()
    {
        if (Call.AnsweredAt is { } answeredAt && Call.FirstAudioAt is { } firstAudioAt && firstAudioAt >= answeredAt)
        {
            CampaignTelemetry.TimeToFirstAudio.Record((firstAudioAt - answeredAt).TotalSeconds);
        }
    }

    private async Task<T> Exclusive<T>(Func<Task<T>> work)
    {
        await _gate.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task Exclusive(Func<Task> work)
    {
        await _gate.WaitAsync();
        try
        {
            await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FinishAsync(CallResult result, string? note)
    {
        if (Call.Status == CallStatus.Ended)
        {
            return;
        }

        _deadline?.Dispose();
        Call.Status = CallStatus.Ended;
        Call.EndedAt = clock.GetUtcNow();
        Call.Result = result;
        Call.Note = note ?? Call.Note;
        CampaignTelemetry.CallsEnded.Add(1, new KeyValuePair<string, object?>("result", ResultLabel(result)));
        if (result == CallResult.Answered && Call.AnsweredAt is { } answeredAt)
        {
            Call.Abandoned = AbandonRule.From(compliance.Value).IsAbandoned(answeredAt, Call.FirstAudioAt);
        }

        // The end is stored and the provider answered now; the outcome and the report follow off the request path.
        await state.WriteStateAsync();
        _endedIn = Activity.Current?.Context ?? default;
        ScheduleSettle();
    }

    /// <summary>Runs <see cref="SettleAsync"/> as soon as the current request is done.</summary>
    private void ScheduleSettle()
    {
        _settle?.Dispose();
        _settle = this.RegisterGrainTimer(
            _ => Exclusive(SettleAsync),
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
    }

    /// <summary>
    /// The ended call's outcome (concluded once, then kept), then its report. Resumable: what is done is skipped, and
    /// the watchdog runs it again after a failure or a crash.
    /// </summary>
    private async Task SettleAsync()
    {
        if (!state.RecordExists || Call.Status != CallStatus.Ended)
        {
            return;
        }

        using var span = CampaignTelemetry.StartCallSettle(Id, _endedIn);
        if (Call.Result == CallResult.Answered && Call.Outcome is null && Call.Session is { } session)
        {
            Call.Outcome = await ConcludeAsync(session);
            if (MemoryKeys.Notes(session.Memory) is { Count: > 0 } notes)
            {
                // Model faults that shaped the outcome (a failed model, an extraction read from the transcript instead).
                Call.Note = string.Join(" ", Call.Note is null ? notes : [Call.Note, .. notes]);
            }
        }

        if (Call.Outcome is { OptedOut: true } && !Call.OptOutRecorded)
        {
            // Concluded as an opt-out (a stop-calling question left unanswered by a hang-up): listed before the report.
            await GrainFactory.GetGrain<ICustomerGrain>(Call.Request!.CustomerId).OptOutAsync("asked during a call", "call");
            Call.OptOutRecorded = true;
        }

        await ReportAsync();

        // Ended and reported (or left to the watchdog): a stopping silo no longer waits for this call.
        if (_counted)
        {
            _counted = false;
            gate.CallEnded();
        }
    }

    /// <summary>The result as the API spells it: answered, voicemail, noAnswer, busy, failed, cancelled.</summary>
    private static string ResultLabel(CallResult result)
    {
        var name = result.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private async Task<CallOutcome> ConcludeAsync(ConversationSession session)
    {
        try
        {
            return await agent.ConcludeAsync(session);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAgentFailed(logger, Id, ex.Message);
            return new CallOutcome(session.Interest, session.Concerns.ToList(), session.FollowUp, "The outcome could not be extracted.", session.OptedOut, null, null);
        }
    }

    /// <summary>Stores the record, then tells the customer, the trunk and the campaign; each step tolerates being repeated.</summary>
    private async Task ReportAsync()
    {
        var request = Call.Request!;
        var record = Call.ToRecord(Id);
        try
        {
            await calls.SaveAsync(record);
            var attempt = new ContactAttempt(request.CampaignId, Id, Call.StartedAt ?? Call.EndedAt!.Value, Call.Result!.Value, Call.Outcome?.Interest, Call.Outcome?.FollowUp.Kind);
            await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).EndCallAsync(Id, attempt);
            await GrainFactory.GetGrain<ITrunkGrain>(ITrunkGrain.Key).ReleaseAsync(Id);
            await GrainFactory.GetGrain<ICampaignGrain>(request.CampaignId)
                .OnCallEndedAsync(CallReport.Of(record, request.Seq));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReportFailed(logger, Id, ex.Message);
            // The watchdog reminder reports again; the outcome concluded for this report is kept for it.
            await state.WriteStateAsync();
            return;
        }

        await state.ClearStateAsync();
        await StopWatchdogAsync();
        DeactivateOnIdle();
    }

    private async Task CheckAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        if (Call.Status == CallStatus.Ended)
        {
            await SettleAsync();
            return;
        }

        // Checks run between turns (this grain is not reentrant), so a call without a provider id never got dialled.
        var lost = Call.ProviderCallId is not { } providerCallId || !await IsLiveAsync(providerCallId);
        if (lost)
        {
            await FinishAsync(Call.Status == CallStatus.InProgress ? CallResult.Answered : CallResult.Failed, "interrupted: the call was lost with its silo");
        }
    }

    private async Task<bool> IsLiveAsync(string providerCallId)
    {
        try
        {
            return await telephony.IsLiveAsync(Id, providerCallId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHangUpFailed(logger, Id, ex.Message);
            return true;
        }
    }

    private void ArmDeadline(DateTimeOffset startedAt)
    {
        var limit = options.Value.RingTimeout + (Call.Request?.MaxDuration ?? options.Value.MaxDuration);
        var due = startedAt + limit - clock.GetUtcNow();
        _deadline?.Dispose();
        _deadline = this.RegisterGrainTimer(
            _ => HangUpAsync("maximum call duration reached"),
            new GrainTimerCreationOptions { DueTime = due < TimeSpan.Zero ? TimeSpan.Zero : due, Period = Timeout.InfiniteTimeSpan });
    }

    private async Task StopWatchdogAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: dialling failed: {Reason}")]
    private static partial void LogDialFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the provider call could not be ended or checked: {Reason}")]
    private static partial void LogHangUpFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the conversation failed: {Reason}")]
    private static partial void LogAgentFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the end could not be reported yet: {Reason}")]
    private static partial void LogReportFailed(ILogger logger, string callId, string reason);
}
