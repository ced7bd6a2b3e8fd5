using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;
using Campaign.Grains.Calls;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Utilities;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// One campaign. On start it snapshots its audience into a durable work list; while running, a small in-memory
/// buffer of due customers (the hopper) feeds call grains up to the campaign's quota and the trunk's share.
/// Reentrant, so call ends are taken while a dispatch waits on the trunk or on call grains.
/// </summary>
[Reentrant]
public sealed class CampaignGrain(
    [PersistentState("campaign", StorageNames.Default)] IPersistentState<CampaignState> state,
    IWorkListStore work,
    ICallStore calls,
    IDecisionLog decisions,
    AudienceResolver audiences,
    CampaignScripts scripts,
    CallingHours callingHours,
    CustomerLocator locator,
    IOptions<CampaignOptions> options,
    IOptions<CallOptions> callOptions,
    IOptions<ComplianceOptions> compliance,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<CampaignGrain> logger,
    DialGate gate,
    CampaignTiming timing) : Grain, ICampaignGrain, IRemindable
{
    private const string KeepAliveReminder = "dialer";
    private readonly LiveCallTable _active = new();
    private readonly OpenPlaces _places = new(callingHours);
    private readonly RetryPlanner _retries = new(options.Value);
    private Dialler? _dialler;
    private IGrainTimer? _timer;
    private bool _dispatching;
    private bool _dispatchAgain;
    private bool _recovered;
    private ObserverManager<ICampaignObserver>? _observers;
    private IDisposable? _inFlightMetric;
    private CampaignStatistics? _statistics;
    private WorkListProgress? _progress;

    private string Id => this.GetPrimaryKeyString();

    private CampaignState Campaign => state.State;

    private Dialler Dialler => _dialler ??= new(IsOpen);

    /// <summary>Counted from the store on first use, leaving out the calls whose end is still to settle here.</summary>
    private CampaignStatistics Statistics => _statistics ??= new(
        async () => (await work.InCallAsync(Id)).Select(i => i.CallId!).ToHashSet(StringComparer.Ordinal),
        inProgress => calls.TallyAsync(Id, inProgress));

    private WorkListProgress Progress => _progress ??= new(async now =>
    {
        var counts = await work.CountAsync(Id);
        var due = await work.DueByZoneAsync(Id, now);
        var skipped = counts.Skipped == 0 ? new Dictionary<string, int>() : await work.SkippedByReasonAsync(Id);
        return new WorkListSnapshot(counts, due, skipped);
    });

    /// <summary>A write to the work list: the progress it shows is counted again on the next read.</summary>
    private async Task<T> WriteAsync<T>(Task<T> write)
    {
        try
        {
            return await write;
        }
        finally
        {
            Progress.Changed();
        }
    }

    private ObserverManager<ICampaignObserver> Observers => _observers ??= new(options.Value.ObserverExpiry, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _inFlightMetric = CampaignTelemetry.TrackInFlight(Id, () => _active.Count);
        if (Campaign.Status is CampaignStatus.Running or CampaignStatus.Paused)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _inFlightMetric?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<CampaignInfo> CreateAsync(CampaignDefinition definition)
    {
        if (state.RecordExists)
        {
            throw new CampaignException($"campaign '{Id}' already exists", conflict: true);
        }

        await ValidateAsync(definition);
        Campaign.Definition = definition;
        Campaign.Status = CampaignStatus.Draft;
        Campaign.CreatedAt = clock.GetUtcNow();
        return await SaveAsync();
    }

    public Task<CampaignInfo?> GetAsync() => Task.FromResult(state.RecordExists ? Info() : null);

    public async Task<CampaignInfo> StartAsync()
    {
        EnsureExists();
        CampaignLifecycle.Ensure(Campaign.Status, CampaignOperation.Start);

        var definition = Campaign.Definition!;
        await ValidateAsync(definition);
        var parts = await audiences.ResolveAsync(definition);
        var pinned = await scripts.PinAsync(definition, parts);
        var audience = await WriteAsync(work.SnapshotAsync(Id, parts, locator, clock.GetUtcNow()));
        if (audience == 0)
        {
            throw new CampaignException("the audience is empty: no customer matches (customers on the do-not-call list never do)", definition.SegmentId is null ? "criteria" : "segmentId");
        }

        Campaign.ScriptVersions = pinned;
        Campaign.Audience = audience;
        CampaignLifecycle.Apply(Campaign, CampaignOperation.Start, clock.GetUtcNow());
        var info = await SaveAsync();
        await new SkippedAtStart(work, decisions, callingHours).RecordAsync(Id, clock.GetUtcNow());
        await this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.KeepAlivePeriod, options.Value.KeepAlivePeriod);
        _recovered = true;
        StartTimer();
        return info;
    }

    public async Task<CampaignInfo> PauseAsync()
    {
        EnsureExists();
        CampaignLifecycle.Ensure(Campaign.Status, CampaignOperation.Pause);
        CampaignLifecycle.Apply(Campaign, CampaignOperation.Pause, clock.GetUtcNow());
        Dialler.Clear();
        return await SaveAsync();
    }

    public async Task<CampaignInfo> ResumeAsync()
    {
        EnsureExists();
        CampaignLifecycle.Ensure(Campaign.Status, CampaignOperation.Resume);
        CampaignLifecycle.Apply(Campaign, CampaignOperation.Resume, clock.GetUtcNow());
        var info = await SaveAsync();
        StartTimer();
        RequestDispatch();
        return info;
    }

    public async Task<CampaignInfo> CancelAsync()
    {
        EnsureExists();
        CampaignLifecycle.Ensure(Campaign.Status, CampaignOperation.Cancel);
        CampaignLifecycle.Apply(Campaign, CampaignOperation.Cancel, clock.GetUtcNow());
        Dialler.Clear();
        var info = await SaveAsync();
        await WriteAsync(work.CancelPendingAsync(Id));
        await StopAsync();
        foreach (var callId in _active.CallIds.ToList())
        {
            HangUpInBackground(callId);
        }

        return info;
    }

    public async Task<CampaignProgress> GetProgressAsync()
    {
        EnsureExists();
        return await ProgressAsync(await Statistics.GetAsync());
    }

    private async Task<CampaignProgress> ProgressAsync(CampaignTally tally)
    {
        var now = clock.GetUtcNow();
        var (counts, due, skipped) = await Progress.GetAsync(now);
        var results = tally.Results;
        var byResult = Enum.GetValues<CallResult>().ToDictionary(r => Camel(r.ToString()), r => results.GetValueOrDefault(r.ToString()));
        var waiting = Campaign.Status is CampaignStatus.Running or CampaignStatus.Paused ? due.Where(z => !IsOpen(z.Key, now)).Sum(z => z.Value) : 0;
        return new CampaignProgress(Campaign.Status, Campaign.Audience, counts.Pending, counts.InCall, Campaign.PeakInFlight, counts.RetriesPending,
            counts.Done, counts.Skipped, byResult, waiting, skipped,
            Math.Round(AbandonRule.Rate(Campaign.Abandons, now), 4), PausedBy, PausedReason, AbandonRule.AverageFirstAudioMs(Campaign.Abandons, now));
    }

    public async Task OnCallEndedAsync(CallReport report)
    {
        var settlement = await LearnedRetryAsync(report, RetryPlanner.AfterCall(report, Campaign.Definition?.RetryPolicy ?? RetryPolicy.Default,
            Campaign.Status == CampaignStatus.Cancelled, clock.GetUtcNow()));
        var settled = await WriteAsync(work.SettleAsync(Id, report.Seq, report.CallId, settlement));
        if (settled)
        {
            Statistics.CountSettled(CallFacts.Of(report));
        }

        if (settled && report.Result == CallResult.Answered)
        {
            // Before the line is freed for the next dial: a campaign over the limit dials no one else.
            await CountAnsweredAsync(report.Abandoned, report.FirstAudioMs);
        }

        _active.Remove(report.CallId);
        NotifyObservers();
        RequestDispatch();
    }

    /// <summary>With learned timing, a retry after nobody answered falls at the customer's next good hour instead.</summary>
    private async Task<Settlement> LearnedRetryAsync(CallReport report, Settlement settlement)
    {
        if (Campaign.Definition is not { Timing: CallTiming.Learned } definition || settlement.DueAt is not { } earliest
            || report.Result is not (CallResult.NoAnswer or CallResult.Voicemail) || report.CustomerId is null)
        {
            return settlement;
        }

        try
        {
            return settlement with { DueAt = await timing.RetryAtAsync(report.CustomerId, definition, earliest) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CampaignLog.TimingFailed(logger, Id, report.CustomerId, ex.Message);
            return settlement;
        }
    }

    /// <summary>Counts an answered call in the rolling abandoned-call rate; a running campaign at the limit pauses itself.</summary>
    private async Task CountAnsweredAsync(bool abandoned, int? firstAudioMs)
    {
        var now = clock.GetUtcNow();
        AbandonRule.Record(Campaign.Abandons, now, abandoned, firstAudioMs);
        var reason = CampaignLifecycle.Allows(Campaign.Status, CampaignOperation.CompliancePause)
            ? AbandonRule.From(compliance.Value).PauseReason(Campaign.Abandons, now)
            : null;
        if (reason is null)
        {
            await state.WriteStateAsync();
            return;
        }

        CampaignLifecycle.Apply(Campaign, CampaignOperation.CompliancePause, now, reason);
        Dialler.Clear();
        CampaignLog.PausedByCompliance(logger, Id, reason);
        await SaveAsync();
    }

    public Task OnCallProgressAsync(CallProgress progress)
    {
        if (_active.Update(progress))
        {
            NotifyObservers();
        }

        return Task.CompletedTask;
    }

    public Task<LiveCallPage?> GetLiveCallsAsync(int skip, int take) => Task.FromResult(state.RecordExists ? _active.Page(skip, take) : null);

    public async Task<CampaignView?> GetViewAsync(CampaignViewRequest request)
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var tally = await Statistics.GetAsync();
        var progress = await ProgressAsync(tally);
        return new CampaignView(Info(), progress, tally.Stats(request.TopConcerns), _active.Page(request.LiveSkip, request.LiveTake));
    }

    public Task RecountOutcomesAsync()
    {
        Statistics.Recount();
        NotifyObservers();
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<PendingCall>> GetPendingAsync(int limit)
    {
        if (Campaign.Definition is null || Campaign.Status is not (CampaignStatus.Running or CampaignStatus.Paused) || limit <= 0)
        {
            return [];
        }

        return PendingCalls.Explain(await work.PendingAsync(Id, limit), clock.GetUtcNow(), IsOpen);
    }

    public Task SubscribeAsync(ICampaignObserver observer)
    {
        Observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ICampaignObserver observer)
    {
        Observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>One-way, fire-and-forget: a slow or vanished observer never holds up the dialler.</summary>
    private void NotifyObservers()
    {
        if (_observers is { Count: > 0 })
        {
            _observers.Notify(o => o.OnCampaignChangedAsync(Id));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Campaign.Status is CampaignStatus.Running or CampaignStatus.Paused)
        {
            StartTimer();
            RequestDispatch();
        }
        else if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StartTimer()
    {
        _timer ??= this.RegisterGrainTimer(
            _ => DispatchAsync(),
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = options.Value.DispatchInterval, Interleave = true, KeepAlive = true });
    }

    private void RequestDispatch()
    {
        if (Campaign.Status == CampaignStatus.Running)
        {
            _ = DispatchAsync();
        }
    }

    private async Task DispatchAsync()
    {
        if (_dispatching)
        {
            _dispatchAgain = true;
            return;
        }

        _dispatching = true;
        try
        {
            if (!_recovered)
            {
                await RecoverAsync();
            }

            do
            {
                _dispatchAgain = false;
                await DispatchOnceAsync();
            }
            while (_dispatchAgain && Campaign.Status == CampaignStatus.Running);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CampaignLog.DispatchFailed(logger, Id, ex.Message);
        }
        finally
        {
            _dispatching = false;
        }
    }

    private async Task DispatchOnceAsync()
    {
        if (Campaign.Status != CampaignStatus.Running)
        {
            if (Campaign.Status == CampaignStatus.Paused || _active.Count > 0)
            {
                return;
            }

            await StopAsync();
            return;
        }

        // The silo is stopping: the calls in flight go on, no new one starts here.
        if (!gate.IsOpen)
        {
            return;
        }

        var quota = Campaign.Definition!.MaxConcurrentCalls;
        var room = Dialler.Room(quota, _active.Count, await BudgetLeftAsync());
        if (room <= 0)
        {
            return;
        }

        Dialler.DropClosed(clock.GetUtcNow());
        if (Dialler.NeedsRefill(room))
        {
            await RefillAsync(Dialler.RefillSize(quota));
        }

        if (Dialler.Waiting == 0)
        {
            if (_active.Count == 0 && await IsFinishedAsync())
            {
                await CompleteAsync();
            }

            return;
        }

        var batch = Dialler.Next(room);
        var granted = await GrainFactory.GetGrain<ITrunkGrain>(ITrunkGrain.Key)
            .AcquireAsync(Id, batch.Select(CallIdOf).ToList(), quota);
        var starts = new List<Task>();
        foreach (var item in batch.Take(granted.Count))
        {
            Dialler.Take();
            var callId = CallIdOf(item);
            if (Campaign.Status != CampaignStatus.Running || !await WriteAsync(work.MarkDialingAsync(Id, item.Seq, callId)))
            {
                await GrainFactory.GetGrain<ITrunkGrain>(ITrunkGrain.Key).ReleaseAsync(callId);
                continue;
            }

            // The dispatch runs interleaved: a cancel or pause may have come in while the item was being marked, after
            // it hung up the calls it knew of. Nobody would hang up a call started now.
            if (Campaign.Status != CampaignStatus.Running)
            {
                await UndoDialingAsync(item, callId);
                continue;
            }

            _active.Add(callId, item, clock.GetUtcNow());
            starts.Add(StartCallAsync(item, callId));
        }

        if (_active.Count > Campaign.PeakInFlight)
        {
            Campaign.PeakInFlight = _active.Count;
            await state.WriteStateAsync();
        }

        NotifyObservers();
        await Task.WhenAll(starts);
    }

    private async Task StartCallAsync(WorkItem item, string callId)
    {
        var request = CallRequests.For(Id, Campaign, item, callId, callOptions.Value.MaxDuration);
        CallStartResult result;
        // One trace per dial decision: the start, the customer's decision under the rules, and the dial if allowed.
        using var activity = CampaignTelemetry.StartRoot("dial decision");
        activity?.SetTag("campaign.id", Id);
        activity?.SetTag("campaign.call.id", callId);
        try
        {
            result = await GrainFactory.GetGrain<ICallGrain>(callId).StartAsync(request);
            activity?.SetTag("campaign.dial.result", result.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            CampaignLog.StartFailed(logger, callId, ex.Message);
            await SettleWithoutCallAsync(item, callId, _retries.StartFailed(clock.GetUtcNow()));
            return;
        }

        if (result == CallStartResult.AlreadyEnded)
        {
            await SettleEndedCallAsync(item, callId);
        }
        else if (_retries.AfterStart(result, clock.GetUtcNow()) is { } settlement)
        {
            await SettleWithoutCallAsync(item, callId, settlement);
        }
    }

    /// <summary>
    /// The attempt's call already happened and ended: a start that failed with its silo, whose call then ended on
    /// another silo while the item waited in the queue, its report finding the item no longer in that call. The stored
    /// result settles the item now, as if just reported.
    /// </summary>
    private async Task SettleEndedCallAsync(WorkItem item, string callId)
    {
        var record = await GrainFactory.GetGrain<ICallGrain>(callId).GetAsync();
        if (record is { Status: CallStatus.Ended, Result: not null })
        {
            await OnCallEndedAsync(CallReport.Of(record, item.Seq));
            await ForgetAsync(callId); // the trunk line taken for this start; the call itself released its own
        }
        else
        {
            await SettleWithoutCallAsync(item, callId, _retries.StillEnding(clock.GetUtcNow()));
        }
    }

    private async Task SettleWithoutCallAsync(WorkItem item, string callId, Settlement settlement)
    {
        await WriteAsync(work.SettleAsync(Id, item.Seq, callId, settlement));
        await ForgetAsync(callId);
    }

    private Task UndoDialingAsync(WorkItem item, string callId) =>
        SettleWithoutCallAsync(item, callId, RetryPlanner.Undialled(Campaign.Status, clock.GetUtcNow()));

    private async Task ForgetAsync(string callId)
    {
        _active.Remove(callId);
        NotifyObservers();
        await GrainFactory.GetGrain<ITrunkGrain>(ITrunkGrain.Key).ReleaseAsync(callId);
        RequestDispatch();
    }

    private async Task RefillAsync(int limit)
    {
        var now = clock.GetUtcNow();
        if (Dialler.ZonesStale(now))
        {
            Dialler.KnowZones(await work.PendingZonesAsync(Id), now);
        }

        var due = await work.NextDueAsync(Id, now, Dialler.OpenZones(now), limit);
        if (Campaign.Definition is { Timing: CallTiming.Learned } definition && due.Count > 0)
        {
            due = await LearnedOrderAsync(due.Where(item => !Dialler.IsQueued(item.Seq)).ToList(), definition, now);
        }

        Dialler.Refill(due);
    }

    /// <summary>
    /// Learned timing: due customers whose good hour is now come first; those likely out are held until their next good
    /// hour (within the campaign's hold). On a fault the customers are called in due order.
    /// </summary>
    private async Task<IReadOnlyList<WorkItem>> LearnedOrderAsync(IReadOnlyList<WorkItem> due, CampaignDefinition definition, DateTimeOffset now)
    {
        TimedDue timed;
        try
        {
            timed = await timing.SortAsync(due, definition, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CampaignLog.TimingFailed(logger, Id, null, ex.Message);
            return due;
        }

        foreach (var (item, until) in timed.Held)
        {
            await WriteAsync(work.DeferAsync(Id, item.Seq, until, CampaignTiming.Held));
        }

        return timed.CallNow;
    }

    /// <summary>How many more calls today's budget allows (the day of the campaign's time zone); live calls count as made.</summary>
    private async Task<int> BudgetLeftAsync()
    {
        var definition = Campaign.Definition!;
        if (!DailyBudget.IsLimited(definition))
        {
            return int.MaxValue;
        }

        var zone = callingHours.ZoneFor(null, null, definition.CallingWindow?.TimeZone);
        var (callsToday, minutesToday) = await calls.UsageSinceAsync(Id, DailyBudget.DayStart(clock.GetUtcNow(), zone));
        return DailyBudget.CallsLeft(definition, callsToday, minutesToday, _active.Count);
    }

    /// <summary>Whether customers placed at <paramref name="place"/> (a work list's key) may be called now.</summary>
    private bool IsOpen(string place, DateTimeOffset now) => _places.IsOpen(place, now, Campaign.Definition!.CallingWindow);

    private async Task<bool> IsFinishedAsync()
    {
        var counts = (await Progress.GetAsync(clock.GetUtcNow())).Counts;
        return counts.Pending == 0 && counts.InCall == 0;
    }

    /// <summary>After a restart: calls that were live are either still live (they will report), ended (report now) or never placed (queue again).</summary>
    private async Task RecoverAsync()
    {
        foreach (var item in await work.InCallAsync(Id))
        {
            var callId = item.CallId!;
            var record = await GrainFactory.GetGrain<ICallGrain>(callId).GetAsync();
            if (record is null)
            {
                await WriteAsync(work.SettleAsync(Id, item.Seq, callId, RetryPlanner.NeverPlaced(clock.GetUtcNow())));
                await GrainFactory.GetGrain<ITrunkGrain>(ITrunkGrain.Key).ReleaseAsync(callId);
            }
            else if (record is { Status: CallStatus.Ended, Result: not null })
            {
                await OnCallEndedAsync(CallReport.Of(record, item.Seq));
            }
            else
            {
                _active.Add(callId, item, record.StartedAt ?? clock.GetUtcNow(), new CallProgress(callId, record.Status, record.StartedAt, record.AnsweredAt, null));
            }
        }

        _recovered = true;
    }

    private async Task CompleteAsync()
    {
        CampaignLifecycle.Apply(Campaign, CampaignOperation.Complete, clock.GetUtcNow());
        await SaveAsync();
        await StopAsync();
    }

    private async Task StopAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void HangUpInBackground(string callId) =>
        _ = GrainFactory.GetGrain<ICallGrain>(callId).HangUpAsync("campaign cancelled").ContinueWith(
            t => CampaignLog.HangUpFailed(logger, callId, t.Exception?.GetBaseException().Message ?? ""),
            TaskContinuationOptions.OnlyOnFaulted);

    private Task ValidateAsync(CampaignDefinition definition) => new CampaignValidator(GrainFactory, audiences, scripts).ValidateAsync(definition);

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new CampaignException($"campaign '{Id}' does not exist");
        }
    }

    private async Task<CampaignInfo> SaveAsync()
    {
        await state.WriteStateAsync();
        var info = Info();
        await GrainFactory.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).UpsertAsync(info);
        NotifyObservers();
        return info;
    }

    private CampaignInfo Info() =>
        new(Id, Campaign.Definition!, Campaign.Status, Campaign.CreatedAt, Campaign.StartedAt, Campaign.EndedAt, Campaign.Audience, PausedBy, PausedReason);

    private string? PausedBy => Campaign.Status == CampaignStatus.Paused ? Campaign.PausedBy : null;

    private string? PausedReason => Campaign.Status == CampaignStatus.Paused ? Campaign.PausedReason : null;

    private string CallIdOf(WorkItem item) => CallRequests.CallIdOf(Id, item);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
