using System.Runtime.CompilerServices;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;
using Campaign.Abstractions.Webhooks;
using Campaign.Grains.Compliance;
using Campaign.Grains.Texts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Campaign.Grains.Calls;

/// <summary>
/// One call attempt: the provider's events applied one at a time to the stored call. Its parts do the work: the start
/// (<see cref="CallPlacement"/>), the conversation (<see cref="CallConversation"/>) and the end, reported exactly once
/// however often the provider repeats events (<see cref="CallEnding"/>). Its campaign's sweep is the watchdog that
/// ends it when it is lost with its silo.
/// </summary>
[PreferLocalPlacement] // beside the campaign that starts it: the start and the report back stay in one silo
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
    IWebhookEvents webhooks,
    InfoTextSender infoTexts) : Grain, ICallGrain, IRemindable
{
    private readonly SerialAccess _serial = new();
    private CallConversation _conversation = null!;
    private ProviderLine _line = null!;
    private CallEnding _ending = null!;
    private CallHandOver _handOver = null!;
    private CallPlacement _placement = null!;
    private CallProgressReport _progress = null!;
    private CallTimers _timers = null!;
    private DialGate.Ticket _ticket = null!;

    private string Id => this.GetPrimaryKeyString();

    private CallState Call => state.State;

    private CallPosition Position => state.RecordExists
        ? new CallPosition(true, Call.Status, Call.Turns, Call.LastInstruction is not null, Call.FirstAudioAt is not null)
        : CallPosition.None;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _conversation = new CallConversation(state, agent, telephony, GrainFactory, clock, logger, Id);
        _line = new ProviderLine(telephony, logger, Id);
        _timers = new CallTimers(this, clock, options.Value);
        _handOver = new CallHandOver(state, _timers, clock);
        _ticket = new DialGate.Ticket(gate);
        _progress = new CallProgressReport(state, GrainFactory, Id);
        var settlement = new CallSettlement(agent, calls, GrainFactory, webhooks, infoTexts, state.WriteStateAsync, logger);
        _ending = new CallEnding(state, settlement, _line, _timers, _serial, _ticket, AbandonRule.From(compliance.Value), clock, DeactivateOnIdle, Id);
        _placement = new CallPlacement(state, calls, GrainFactory, locator, _line, _timers, _ending, _progress, _ticket, options.Value, clock, () => HangUpAsync("maximum call duration reached"), Id);
        // A call handed to a person lasts as long as they talk: the agent's time limit no longer applies.
        if (state.RecordExists && Call.Status != CallStatus.Ended && Call.Transfer is null && Call.StartedAt is { } started)
        {
            _placement.ArmDeadline(started);
        }

        if (state.RecordExists)
        {
            // After a restart a live call may be gone with its silo, or an end may not have been reported yet.
            this.RegisterGrainTimer(_ => _serial.RunAsync(_ending.CheckAsync), new GrainTimerCreationOptions { DueTime = TimeSpan.FromSeconds(1), Period = Timeout.InfiniteTimeSpan });
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Gone with a live call (the silo stops): the watchdog ends it elsewhere; this silo no longer waits for it.
        _ticket.Ended();
        return Task.CompletedTask;
    }

    public Task<CallStartResult> StartAsync(CallRequest request) => _placement.StartAsync(request);

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
                    if (token.Transfer)
                    {
                        _timers.StopDeadline();
                    }

                    yield return token;
                }

                yield break;
            }

            var instruction = await HandleAsync(callEvent);
            if (!string.IsNullOrEmpty(instruction.Say))
            {
                yield return new ReplyToken(instruction.Say, Last: false, HangUp: false);
            }

            yield return new ReplyToken("", Last: true, instruction.HangUp, ListensAfter: instruction is { HangUp: true, Listen: true });
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
                _progress.Send();
                return CallInstruction.None;
            case CallStep.Answer:
                var opening = await _conversation.OpenAsync();
                _progress.Send();
                return opening;
            case CallStep.Machine:
                var message = Call.MachineAnswered(clock.GetUtcNow());
                await state.WriteStateAsync();
                _progress.Send();
                return CallInstruction.SayAndHangUp(message);
            case CallStep.Turn:
                return Handed(await _conversation.RespondAsync(SpokenText(callEvent)));
            case CallStep.Transfer:
                return await _handOver.OnResultAsync(callEvent);
            case CallStep.RepeatOpening or CallStep.RepeatTurn:
                return Call.LastInstruction! with { Repeat = true };
            case CallStep.FirstAudio:
                await _conversation.FirstAudioAsync();
                return CallInstruction.None;
            case CallStep.Interrupted:
                await _conversation.InterruptedAsync(callEvent.Text);
                return CallInstruction.None;
            case CallStep.End:
                await _ending.FinishAsync(CallLifecycle.ResultOf(Call.Status, callEvent.EndReason ?? CallEndReason.Completed), null);
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
        await _ending.FinishAsync(CallLifecycle.ResultOf(Call.Status, CallEndReason.Canceled), reason);
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

    public Task<bool> OnTextReportAsync(TextReport report) => _serial.RunAsync(async () =>
    {
        var now = clock.GetUtcNow();
        if (state.RecordExists)
        {
            // Sent, not yet reported to the campaign: the state holds the texts until the record is stored.
            var (texts, found) = CallTexts.Apply(Call.Texts, report, now);
            if (found && !ReferenceEquals(texts, Call.Texts))
            {
                Call.Texts = texts.ToList();
                await state.WriteStateAsync();
            }

            return found;
        }

        if (await calls.GetAsync(Id) is not { } record)
        {
            return false;
        }

        var (updated, known) = CallTexts.Apply(record.Texts, report, now);
        if (known && !ReferenceEquals(updated, record.Texts))
        {
            await calls.SaveAsync(record with { Texts = updated });
        }

        return known;
    });

    public Task CheckAsync() => _serial.RunAsync(_ending.CheckAsync);

    /// <summary>A watchdog reminder of a call placed by an earlier version: checked once, then left to the campaign's sweep.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await _timers.ForgetWatchdogReminderAsync();
        await CheckAsync();
    }

    /// <summary>A reply that hands the call to a person lifts the agent's time limit: the person's talk is not timed.</summary>
    private CallInstruction Handed(CallInstruction instruction)
    {
        if (instruction.TransferTo is not null)
        {
            _timers.StopDeadline();
        }

        return instruction;
    }

    private static string? SpokenText(CallEvent callEvent) => callEvent.Kind == CallEventKind.Speech ? callEvent.Text : null;
}
