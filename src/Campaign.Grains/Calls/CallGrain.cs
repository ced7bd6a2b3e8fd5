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
using Campaign.Abstractions.Webhooks;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaign.Grains.Calls;

/// <summary>
/// One call attempt. State is written before the number is dialled, so a repeated start never dials twice; the end
/// is stored and reported to the campaign and the customer exactly once, however often the provider repeats events.
/// A watchdog reminder ends calls lost with a silo and retries a report that could not be delivered.
/// </summary>
public sealed class CallGrain(
    [PersistentState("call", StorageNames.Default)] IPersistentState<CallState> state,
    ITelephony telephony,
    IConversationAgent agent,
    ICallStore calls,
    CustomerLocator locator,
    IOptions<CallOptions> options,
    IOptions<ComplianceOptions> compliance,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<CallGrain> logger,
    DialGate gate,
    IWebhookEvents webhooks) : Grain, ICallGrain, IRemindable
{
    private readonly SerialAccess _serial = new();
    private CallConversation _conversation = null!;
    private CallSettlement _settlement = null!;
    private ProviderLine _line = null!;
    private CallTimers _timers = null!;
    private ActivityContext _endedIn;
    private DialGate.Ticket _ticket = null!;

    private string Id => this.GetPrimaryKeyString();

    private CallState Call => state.State;

    private CallPosition Position => state.RecordExists
        ? new CallPosition(true, Call.Status, Call.Turns, Call.LastInstruction is not null, Call.FirstAudioAt is not null)
        : CallPosition.None;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _conversation = new CallConversation(state, agent, telephony, GrainFactory, clock, logger, Id);
        _settlement = new CallSettlement(agent, calls, GrainFactory, webhooks, logger);
        _line = new ProviderLine(telephony, logger, Id);
        _timers = new CallTimers(this, clock, options.Value);
        _ticket = new DialGate.Ticket(gate);
        if (state.RecordExists && Call.Status != CallStatus.Ended && Call.StartedAt is { } started)
        {
            ArmDeadline(started);
        }

        if (state.RecordExists)
        {
            // After a restart a live call may be gone with its silo, or an end may not have been reported yet.
            this.RegisterGrainTimer(_ => _serial.RunAsync(CheckAsync), new GrainTimerCreationOptions { DueTime = TimeSpan.FromSeconds(1), Period = Timeout.InfiniteTimeSpan });
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Gone with a live call (the silo stops): the watchdog ends it elsewhere; this silo no longer waits for it.
        _ticket.Ended();
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
        await _timers.StartWatchdogAsync();

        // Whatever a campaign asks, the customer's grain decides under every rule, from the stored profile and the
        // customer's own place (not the work list's), and records the decision before anything is dialled.
        var limit = options.Value.RingTimeout + request.MaxDuration;
        var verdict = await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).DecideDialAsync(
            new DialRequest(request.CampaignId, Id, request.Purpose, request.Window, clock.GetUtcNow() + limit + TimeSpan.FromMinutes(1)));
        if (verdict.Result != CallStartResult.Placed || verdict.Profile is not { } profile)
        {
            await _timers.StopWatchdogAsync();
            return verdict.Result == CallStartResult.Placed ? CallStartResult.UnknownCustomer : verdict.Result;
        }

        // The attempt starts once the customer is claimed: the claim may have waited for their previous call to end.
        var now = clock.GetUtcNow();
        Call.Begin(Id, request, profile, locator.Locate(profile), now);
        await state.WriteStateAsync();
        ArmDeadline(now);
        ReportProgress();

        CampaignTelemetry.Dials.Add(1);
        _ticket.Placed();
        var (providerCallId, failure) = await _line.PlaceAsync(new PlaceCallRequest(Id, request.CustomerId, profile.Phone, request.CallerId, request.Attempt, options.Value.RingTimeout));
        if (failure is not null)
        {
            await FinishAsync(CallResult.Failed, $"dialling failed: {failure}");
        }
        else if (Call.Status != CallStatus.Ended)
        {
            Call.ProviderCallId = providerCallId;
            await state.WriteStateAsync();
        }

        return CallStartResult.Placed;
    }

    public Task<CallInstruction> OnEventAsync(CallEvent callEvent) => _serial.RunAsync(() => HandleAsync(callEvent));

    public async IAsyncEnumerable<ReplyToken> ConverseAsync(CallEvent callEvent, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _serial.EnterAsync(cancellationToken);
        try
        {
            if (CallLifecycle.Next(Position, callEvent) == CallStep.Turn)
            {
                await foreach (var token in _conversation.StreamAsync(SpokenText(callEvent), cancellationToken))
                {
                    yield return token;
                }

                yield break;
            }

            var instruction = await HandleAsync(callEvent);
            if (!string.IsNullOrEmpty(instruction.Say))
            {
                yield return new ReplyToken(instruction.Say, Last: false, HangUp: false);
            }

            yield return new ReplyToken("", Last: true, instruction.HangUp);
        }
        finally
        {
            _serial.Exit();
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
                var opening = await _conversation.OpenAsync();
                ReportProgress();
                return opening;
            case CallStep.Machine:
                var message = Call.MachineAnswered(clock.GetUtcNow());
                await state.WriteStateAsync();
                ReportProgress();
                return CallInstruction.SayAndHangUp(message);
            case CallStep.Turn:
                return await _conversation.RespondAsync(SpokenText(callEvent));
            case CallStep.RepeatOpening or CallStep.RepeatTurn:
                return Call.LastInstruction! with { Repeat = true };
            case CallStep.FirstAudio:
                await _conversation.FirstAudioAsync();
                return CallInstruction.None;
            case CallStep.Interrupted:
                await _conversation.InterruptedAsync(callEvent.Text);
                return CallInstruction.None;
            case CallStep.End:
                await FinishAsync(CallLifecycle.ResultOf(Call.Status, callEvent.EndReason ?? CallEndReason.Completed), null);
                return CallInstruction.None;
            default:
                return CallInstruction.None;
        }
    }

    public Task HangUpAsync(string reason) => _serial.RunAsync(async () =>
    {
        if (!state.RecordExists || Call.Status == CallStatus.Ended)
        {
            return;
        }

        await _line.HangUpAsync(Call.ProviderCallId);
        await FinishAsync(CallLifecycle.ResultOf(Call.Status, CallEndReason.Canceled), reason);
    });

    public async Task<CallRecord?> GetAsync() =>
        state.RecordExists ? Call.ToRecord(Id) : await calls.GetAsync(Id);

    public async Task<bool> IsKnownAsync() => state.RecordExists || await calls.ExistsAsync(Id);

    public Task<bool> EraseAsync() => _serial.RunAsync(async () =>
    {
        if (state.RecordExists && Call.Status != CallStatus.Ended)
        {
            return false;
        }

        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        return true;
    });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            await _timers.StopWatchdogAsync();
            return;
        }

        await _serial.RunAsync(CheckAsync);
    }

    private static string? SpokenText(CallEvent callEvent) => callEvent.Kind == CallEventKind.Speech ? callEvent.Text : null;

    /// <summary>One-way: live dashboards hear that this call moved on; the call never waits for them.</summary>
    private void ReportProgress() => _ = GrainFactory.GetGrain<ICampaignGrain>(Call.Request!.CampaignId)
        .OnCallProgressAsync(new CallProgress(Id, Call.Status, Call.StartedAt, Call.AnsweredAt, Call.Session?.Customer.Name));

    private async Task FinishAsync(CallResult result, string? note)
    {
        if (Call.Status == CallStatus.Ended)
        {
            return;
        }

        _timers.StopDeadline();
        Call.End(result, note, clock.GetUtcNow(), AbandonRule.From(compliance.Value));
        CampaignTelemetry.CallsEnded.Add(1, new KeyValuePair<string, object?>("result", CallResultLabel.Of(result)));

        // The end is stored and the provider answered now; the outcome and the report follow off the request path.
        await state.WriteStateAsync();
        _endedIn = Activity.Current?.Context ?? default;
        _timers.Soon(() => _serial.RunAsync(SettleAsync));
    }

    /// <summary>The ended call's outcome and report; what is done is skipped, and the watchdog runs it again after a failure.</summary>
    private async Task SettleAsync()
    {
        if (!state.RecordExists || Call.Status != CallStatus.Ended)
        {
            return;
        }

        using (CampaignTelemetry.StartCallSettle(Id, _endedIn))
        {
            if (await _settlement.SettleAsync(Id, Call))
            {
                await state.ClearStateAsync();
                await _timers.StopWatchdogAsync();
                DeactivateOnIdle();
            }
            else
            {
                // The watchdog reminder reports again; the outcome concluded for this report is kept for it.
                await state.WriteStateAsync();
            }
        }

        // Ended and reported (or left to the watchdog): a stopping silo no longer waits for this call.
        _ticket.Ended();
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
        if (!await _line.IsLiveAsync(Call.ProviderCallId))
        {
            await FinishAsync(Call.Status == CallStatus.InProgress ? CallResult.Answered : CallResult.Failed, "interrupted: the call was lost with its silo");
        }
    }

    private void ArmDeadline(DateTimeOffset startedAt) =>
        _timers.ArmDeadline(startedAt, Call.Request, () => HangUpAsync("maximum call duration reached"));
}
