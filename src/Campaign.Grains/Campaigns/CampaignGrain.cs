using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
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
public sealed partial class CampaignGrain(
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
    DialGate gate) : Grain, ICampaignGrain, IRemindable
{
    private const string KeepAliveReminder = "dialer";
    public const string PausedByOperator = "operator";
    public const string PausedByCompliance = "compliance";
    private const int MaxCallbacks = 2;
    private static readonly TimeSpan AttemptLimitRecheck = TimeSpan.FromHours(1);
    private readonly LiveCallTable _active = new();
    private readonly Queue<WorkItem> _hopper = new();
    private readonly Dictionary<string, CallingPlace> _places = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;
    private bool _dispatching;
    private bool _dispatchAgain;
    private bool _recovered;
    private IReadOnlyList<string> _zones = [];
    private DateTimeOffset _zonesReadAt;
    private ObserverManager<ICampaignObserver>? _observers;
    private IDisposable? _inFlightMetric;
    private CampaignStatistics? _statistics;

    private string Id => this.GetPrimaryKeyString();

    private CampaignState Campaign => state.State;

    /// <summary>Counted from the store on first use, leaving out the calls whose end is still to settle here.</summary>
    private CampaignStatistics Statistics => _statistics ??= new(
        async () => (await work.InCallAsync(Id)).Select(i => i.CallId!).ToHashSet(StringComparer.Ordinal),
        inProgress => calls.TallyAsync(Id, inProgress));

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
        if (Campaign.Status is not (CampaignStatus.Draft or CampaignStatus.Scheduled))
        {
            throw new CampaignException($"the campaign is {Campaign.Status.ToString().ToLowerInvariant()}; only a draft or scheduled campaign can start", conflict: true);
        }

        var definition = Campaign.Definition!;
        await ValidateAsync(definition);
        var parts = await audiences.ResolveAsync(definition);
        var pinned = await scripts.PinAsync(definition, parts);
        var audience = await work.SnapshotAsync(Id, parts, locator, clock.GetUtcNow());
        if (audience == 0)
        {
            throw new CampaignException("the audience is empty: no customer matches (customers on the do-not-call list never do)", definition.SegmentId is null ? "criteria" : "segmentId");
        }

        Campaign.ScriptVersions = pinned;
        Campaign.Audience = audience;
        Campaign.Status = CampaignStatus.Running;
        Campaign.StartedAt = clock.GetUtcNow();
        var info = await SaveAsync();
        await RecordSkippedAtStartAsync();
        await this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.KeepAlivePeriod, options.Value.KeepAlivePeriod);
        _recovered = true;
        StartTimer();
        return info;
    }

    public async Task<CampaignInfo> PauseAsync()
    {
        EnsureExists();
        if (Campaign.Status != CampaignStatus.Running)
        {
            throw new CampaignException($"only a running campaign can pause; this one is {Campaign.Status.ToString().ToLowerInvariant()}", conflict: true);
        }

        Campaign.Status = CampaignStatus.Paused;
        Campaign.PausedBy = PausedByOperator;
        Campaign.PausedReason = null;
        _hopper.Clear();
        return await SaveAsync();
    }

    public async Task<CampaignInfo> ResumeAsync()
    {
        EnsureExists();
        if (Campaign.Status != CampaignStatus.Paused)
        {
            throw new CampaignException($"only a paused campaign can resume; this one is {Campaign.Status.ToString().ToLowerInvariant()}", conflict: true);
        }

        Campaign.Status = CampaignStatus.Running;
        Campaign.PausedBy = null;
        Campaign.PausedReason = null;
        var info = await SaveAsync();
        StartTimer();
        RequestDispatch();
        return info;
    }

    public async Task<CampaignInfo> CancelAsync()
    {
        EnsureExists();
        if (Campaign.Status is CampaignStatus.Completed or CampaignStatus.Cancelled)
        {
            throw new CampaignException($"the campaign is already {Campaign.Status.ToString().ToLowerInvariant()}", conflict: true);
        }

        Campaign.Status = CampaignStatus.Cancelled;
        Campaign.EndedAt = clock.GetUtcNow();
        _hopper.Clear();
        var info = await SaveAsync();
        await work.CancelPendingAsync(Id);
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
        var counts = await work.CountAsync(Id);
        var results = tally.Results;
        var byResult = Enum.GetValues<CallResult>().ToDictionary(r => Camel(r.ToString()), r => results.GetValueOrDefault(r.ToString()));
        var now = clock.GetUtcNow();
        var waiting = Campaign.Status is CampaignStatus.Running or CampaignStatus.Paused
            ? (await work.DueByZoneAsync(Id, now)).Where(z => !IsOpen(z.Key, now)).Sum(z => z.Value)
            : 0;
        return new CampaignProgress(Campaign.Status, Campaign.Audience, counts.Pending, counts.InCall, Campaign.PeakInFlight, counts.RetriesPending,
            counts.Done, counts.Skipped, byResult, waiting, counts.Skipped == 0 ? new Dictionary<string, int>() : await work.SkippedByReasonAsync(Id),
            Math.Round(AbandonRule.Rate(Campaign.Abandons, now), 4), PausedBy, PausedReason, AbandonRule.AverageFirstAudioMs(Campaign.Abandons, now));
    }

    public async Task OnCallEndedAsync(CallReport report)
    {
        var policy = Campaign.Definition?.RetryPolicy ?? RetryPolicy.Default;
        var retryDelay = report.Result switch
        {
            CallResult.NoAnswer => policy.NoAnswerDelay,
            CallResult.Busy => policy.BusyDelay,
            CallResult.Failed => policy.FailedDelay,
            CallResult.Voicemail => policy.VoicemailDelay,
            _ => (TimeSpan?)null,
        };
        var retry = retryDelay is not null && report.Attempt < policy.MaxAttempts && Campaign.Status != CampaignStatus.Cancelled;
        DateTimeOffset? dueAt = retry ? clock.GetUtcNow() + retryDelay!.Value : null;
        if (report.Outcome?.FollowUp is { Kind: FollowUpKind.Callback, At: { } callbackAt } && !report.Outcome.OptedOut
            && report.Attempt < policy.MaxAttempts + MaxCallbacks && Campaign.Status != CampaignStatus.Cancelled)
        {
            // The customer asked to be called back: a new attempt at that time (dialled once their calling hours allow).
            dueAt = callbackAt;
        }

        var settled = await work.SettleAsync(
            Id,
            report.Seq,
            report.CallId,
            dueAt is null ? WorkItemState.Done : WorkItemState.Pending,
            report.Result.ToString(),
            dueAt,
            countAttempt: true);
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

    /// <summary>Counts an answered call in the rolling abandoned-call rate; a running campaign at the limit pauses itself.</summary>
    private async Task CountAnsweredAsync(bool abandoned, int? firstAudioMs)
    {
        var now = clock.GetUtcNow();
        AbandonRule.Record(Campaign.Abandons, now, abandoned, firstAudioMs);
        var reason = Campaign.Status == CampaignStatus.Running ? AbandonRule.From(compliance.Value).PauseReason(Campaign.Abandons, now) : null;
        if (reason is null)
        {
            await state.WriteStateAsync();
            return;
        }

        Campaign.Status = CampaignStatus.Paused;
        Campaign.PausedBy = PausedByCompliance;
        Campaign.PausedReason = reason;
        _hopper.Clear();
        LogPausedByCompliance(logger, Id, reason);
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
            LogDispatchFailed(logger, Id, ex.Message);
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
        var room = Math.Min(quota - _active.Count, await BudgetLeftAsync());
        if (room <= 0)
        {
            return;
        }

        DropClosedFromHopper();
        if (_hopper.Count < room)
        {
            await RefillAsync(Math.Max(quota * 2, 20));
        }

        if (_hopper.Count == 0)
        {
            if (_active.Count == 0 && await IsFinishedAsync())
            {
                await CompleteAsync();
            }

            return;
        }

        var batch = _hopper.Take(room).ToList();
        var granted = await GrainFactory.GetGrain<ITrunkGrain>(ITrunkGrain.Key)
            .AcquireAsync(Id, batch.Select(CallIdOf).ToList(), quota);
        var starts = new List<Task>();
        foreach (var item in batch.Take(granted.Count))
        {
            _hopper.Dequeue();
            var callId = CallIdOf(item);
            if (Campaign.Status != CampaignStatus.Running || !await work.MarkDialingAsync(Id, item.Seq, callId))
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
        var definition = Campaign.Definition!;
        var scriptId = definition.Variants.FirstOrDefault(v => v.SegmentId == item.SegmentId)?.ScriptId ?? definition.ScriptId;
        int? version = scriptId is not null && Campaign.ScriptVersions.TryGetValue(scriptId, out var pinned) ? pinned : null;
        var request = new CallRequest(callId, Id, item.CustomerId, item.Seq, item.Attempts + 1, item.SegmentId, scriptId,
            definition.CallerId, definition.VoicemailPolicy, callOptions.Value.MaxDuration, version, item.TimeZone,
            definition.Purpose, definition.CallingWindow);
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
            LogStartFailed(logger, callId, ex.Message);
            await ReturnToQueueAsync(item, callId, clock.GetUtcNow() + options.Value.CustomerBusyDelay, "startFailed");
            return;
        }

        switch (result)
        {
            case CallStartResult.DoNotCall:
                await SettleWithoutCallAsync(item, callId, WorkItemState.Skipped, ComplianceRules.DoNotCall);
                break;
            case CallStartResult.TimeZoneUnknown:
                await SettleWithoutCallAsync(item, callId, WorkItemState.Skipped, IWorkListStore.TimeZoneUnknown);
                break;
            case CallStartResult.UnknownCustomer:
                await SettleWithoutCallAsync(item, callId, WorkItemState.Skipped, ComplianceRules.UnknownCustomer);
                break;
            case CallStartResult.ConsentMissing:
                await SettleWithoutCallAsync(item, callId, WorkItemState.Skipped, ComplianceRules.Consent);
                break;
            case CallStartResult.CustomerBusy:
                await ReturnToQueueAsync(item, callId, clock.GetUtcNow() + options.Value.CustomerBusyDelay, "customerBusy");
                break;
            case CallStartResult.OutsideCallingHours:
                await ReturnToQueueAsync(item, callId, clock.GetUtcNow() + options.Value.OutsideHoursRecheck, "outsideCallingHours");
                break;
            case CallStartResult.OutsideCampaignWindow:
                await ReturnToQueueAsync(item, callId, clock.GetUtcNow() + options.Value.OutsideHoursRecheck, "outsideCampaignWindow");
                break;
            case CallStartResult.AttemptLimitReached:
                await ReturnToQueueAsync(item, callId, clock.GetUtcNow() + AttemptLimitRecheck, "attemptLimitReached");
                break;
            case CallStartResult.AlreadyEnded:
                await SettleEndedCallAsync(item, callId);
                break;
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
            await ReturnToQueueAsync(item, callId, clock.GetUtcNow() + options.Value.CustomerBusyDelay, "callStillEnding");
        }
    }

    private async Task SettleWithoutCallAsync(WorkItem item, string callId, WorkItemState outcome, string reason)
    {
        await work.SettleAsync(Id, item.Seq, callId, outcome, reason, null, countAttempt: false);
        await ForgetAsync(callId);
    }

    private async Task ReturnToQueueAsync(WorkItem item, string callId, DateTimeOffset dueAt, string reason)
    {
        await work.SettleAsync(Id, item.Seq, callId, WorkItemState.Pending, reason, dueAt, countAttempt: false);
        await ForgetAsync(callId);
    }

    private Task UndoDialingAsync(WorkItem item, string callId) => Campaign.Status == CampaignStatus.Cancelled
        ? SettleWithoutCallAsync(item, callId, WorkItemState.Cancelled, "campaignCancelled")
        : ReturnToQueueAsync(item, callId, clock.GetUtcNow(), "paused");

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
        if (_zones.Count == 0 || now - _zonesReadAt > ZonesRefresh)
        {
            _zones = await work.PendingZonesAsync(Id);
            _zonesReadAt = now;
        }

        var open = _zones.Where(zone => IsOpen(zone, now)).ToList();
        var queued = _hopper.Select(i => i.Seq).ToHashSet();
        foreach (var item in await work.NextDueAsync(Id, now, open, limit))
        {
            if (queued.Add(item.Seq))
            {
                _hopper.Enqueue(item);
            }
        }
    }

    private static readonly TimeSpan ZonesRefresh = TimeSpan.FromSeconds(10);

    /// <summary>How many more calls today's budget allows (the day of the campaign's time zone); live calls count as made.</summary>
    private async Task<int> BudgetLeftAsync()
    {
        var definition = Campaign.Definition!;
        if (definition.MaxCallsPerDay is null && definition.MaxMinutesPerDay is null)
        {
            return int.MaxValue;
        }

        var zone = callingHours.ZoneFor(null, null, definition.CallingWindow?.TimeZone);
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = new DateTimeOffset(local.Date, local.Offset);
        var (callsToday, minutesToday) = await calls.UsageSinceAsync(Id, midnight);
        if (definition.MaxMinutesPerDay is { } maxMinutes && minutesToday >= maxMinutes)
        {
            return 0;
        }

        return definition.MaxCallsPerDay is { } maxCalls ? Math.Max(0, maxCalls - callsToday - _active.Count) : int.MaxValue;
    }

    /// <summary>Whether customers placed at <paramref name="place"/> (a work list's key) may be called now.</summary>
    private bool IsOpen(string place, DateTimeOffset now)
    {
        if (!_places.TryGetValue(place, out var parsed))
        {
            _places[place] = parsed = CallingPlace.Parse(place);
        }

        return callingHours.IsOpen(parsed, now, Campaign.Definition!.CallingWindow);
    }

    /// <summary>Customers wait in the hopper while calls run; one whose calling hours ended meanwhile goes back to wait.</summary>
    private void DropClosedFromHopper()
    {
        var now = clock.GetUtcNow();
        if (_hopper.All(item => IsOpen(item.TimeZone, now)))
        {
            return;
        }

        var open = _hopper.Where(item => IsOpen(item.TimeZone, now)).ToList();
        _hopper.Clear();
        foreach (var item in open)
        {
            _hopper.Enqueue(item);
        }
    }

    private async Task<bool> IsFinishedAsync()
    {
        var counts = await work.CountAsync(Id);
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
                await work.SettleAsync(Id, item.Seq, callId, WorkItemState.Pending, null, clock.GetUtcNow(), countAttempt: false);
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
        Campaign.Status = CampaignStatus.Completed;
        Campaign.EndedAt = clock.GetUtcNow();
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
            t => LogHangUpFailed(logger, callId, t.Exception?.GetBaseException().Message ?? ""),
            TaskContinuationOptions.OnlyOnFaulted);

    private async Task ValidateAsync(CampaignDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            throw new CampaignException("name is missing", "name");
        }

        var trunk = await GrainFactory.GetGrain<ITrunkGrain>(ITrunkGrain.Key).GetStatusAsync();
        if (definition.MaxConcurrentCalls < 1 || definition.MaxConcurrentCalls > trunk.Capacity)
        {
            throw new CampaignException($"maxConcurrentCalls must be between 1 and the trunk capacity ({trunk.Capacity})", "maxConcurrentCalls");
        }

        if (definition.RetryPolicy.MaxAttempts is < 1 or > 20)
        {
            throw new CampaignException("retryPolicy.maxAttempts must be between 1 and 20", "retryPolicy.maxAttempts");
        }

        await audiences.ResolveAsync(definition);
        await scripts.EnsureExistAsync(definition);
    }

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new CampaignException($"campaign '{Id}' does not exist");
        }
    }

    /// <summary>Customers the snapshot skipped (no time zone can be known) get their decision on record like every other.</summary>
    private async Task RecordSkippedAtStartAsync()
    {
        const int page = 500;
        var now = clock.GetUtcNow();
        var reason = callingHours.Check(CallingPlace.Unknown([]), now, null).Detail;
        for (var skip = 0; ; skip += page)
        {
            var ids = await work.SkippedCustomersAsync(Id, IWorkListStore.TimeZoneUnknown, skip, page);
            foreach (var customerId in ids)
            {
                await decisions.AppendAsync(new DialDecision(now, Id, customerId, null, DialDecisionKind.Skip,
                    [new DecisionReason(ComplianceRules.TimeZoneUnknown, reason)], null, null, null));
            }

            if (ids.Count < page)
            {
                return;
            }
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

    private string CallIdOf(WorkItem item) => $"{Id}-{item.Seq}-a{item.Attempts + 1}";

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: dispatch failed: {Reason}")]
    private static partial void LogDispatchFailed(ILogger logger, string campaignId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} paused itself: {Reason}")]
    private static partial void LogPausedByCompliance(ILogger logger, string campaignId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} could not start: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} could not be hung up: {Reason}")]
    private static partial void LogHangUpFailed(ILogger logger, string callId, string reason);
}
