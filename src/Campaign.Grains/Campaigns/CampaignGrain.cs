using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Webhooks;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// One campaign. On start it snapshots its audience into a durable work list; while running, a small in-memory
/// queue of due customers (the hopper) feeds call grains up to the campaign's quota and the trunk's share.
/// Reentrant, so call ends are taken while a dispatch waits on the trunk or on call grains. The grain keeps the state,
/// the timer and the reminder; its parts (<see cref="CampaignParts"/>) decide and do the rest.
/// </summary>
[Reentrant]
[PreferLocalPlacement] // on the silo whose API created or started it: its calls then start beside it
public sealed class CampaignGrain(
    [PersistentState("campaign", StorageNames.Default)] IPersistentState<CampaignState> state,
    CampaignPartsFactory parts,
    IWebhookEvents webhooks) : Grain, ICampaignGrain, IRemindable
{
    private const string KeepAliveReminder = "dialer";
    private CampaignParts _parts = null!;
    private IGrainTimer? _timer;

    private CampaignRecord Campaign => _parts.Campaign;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _parts = parts.Create(this.GetPrimaryKeyString(), state, GrainFactory, DispatchOnceAsync);
        if (Campaign.IsActive)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _parts.InFlight.Dispose();
        try
        {
            await _parts.Lines.GiveBackAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Lines not given back now expire with their leases (Trunk:LeaseTimeout).
            CampaignLog.DispatchFailed(_parts.Logger, this.GetPrimaryKeyString(), ex.Message);
        }
    }

    public async Task<CampaignInfo> CreateAsync(CampaignDefinition definition)
    {
        await _parts.Starter.CreateAsync(definition);
        return await Campaign.SaveAsync();
    }

    public Task<CampaignInfo?> GetAsync() => Task.FromResult(Campaign.Exists ? Campaign.Info() : null);

    public async Task<CampaignInfo> StartAsync()
    {
        await _parts.Starter.StartAsync();
        var info = await Campaign.SaveAsync();
        await _parts.Starter.RecordSkippedAsync();
        await this.RegisterOrUpdateReminder(KeepAliveReminder, _parts.Options.KeepAlivePeriod, _parts.Options.KeepAlivePeriod);
        _parts.Loop.Recovered();
        StartTimer();
        return info;
    }

    public async Task<CampaignInfo> PauseAsync()
    {
        Apply(CampaignOperation.Pause);
        _parts.Queue.Clear();
        return await Campaign.SaveAsync();
    }

    public async Task<CampaignInfo> ResumeAsync()
    {
        Apply(CampaignOperation.Resume);
        var info = await Campaign.SaveAsync();
        StartTimer();
        _parts.Loop.Request();
        return info;
    }

    public async Task<CampaignInfo> CancelAsync()
    {
        Apply(CampaignOperation.Cancel);
        _parts.Queue.Clear();
        var info = await Campaign.SaveAsync();
        await _parts.WorkList.CancelPendingAsync();
        await StopAsync();
        _parts.InFlight.HangUpAll();
        return info;
    }

    public Task<CampaignProgress> GetProgressAsync()
    {
        Campaign.EnsureExists();
        return _parts.ReadModel.GetProgressAsync();
    }

    public Task OnCallEndedAsync(CallReport report) => _parts.Ends.EndedAsync(report);

    public Task OnCallProgressAsync(CallProgress progress)
    {
        if (_parts.InFlight.Update(progress))
        {
            Campaign.Changed();
        }

        return Task.CompletedTask;
    }

    public Task<LiveCallPage?> GetLiveCallsAsync(int skip, int take) => Task.FromResult(Campaign.Exists ? _parts.InFlight.Page(skip, take) : null);

    public async Task<CampaignView?> GetViewAsync(CampaignViewRequest request) =>
        Campaign.Exists ? await _parts.ReadModel.GetViewAsync(request) : null;

    public Task RecountOutcomesAsync()
    {
        _parts.ReadModel.Recount();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingCall>> GetPendingAsync(int limit) => _parts.ReadModel.GetPendingAsync(limit);

    public Task SubscribeAsync(ICampaignObserver observer)
    {
        _parts.Observers.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ICampaignObserver observer)
    {
        _parts.Observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Campaign.IsActive)
        {
            StartTimer();
            _parts.Loop.Request();
        }
        else if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>An operator's operation: checked against the campaign's status, then applied (saving is the caller's).</summary>
    private void Apply(CampaignOperation operation)
    {
        Campaign.EnsureExists();
        CampaignLifecycle.Ensure(Campaign.Status, operation);
        CampaignLifecycle.Apply(Campaign.State, operation, _parts.Clock.GetUtcNow());
    }

    private void StartTimer()
    {
        _timer ??= this.RegisterGrainTimer(
            _ => _parts.Loop.RunAsync(),
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = _parts.Options.DispatchInterval, Interleave = true, KeepAlive = true });
    }

    private async Task DispatchOnceAsync()
    {
        _parts.InFlight.Check(_parts.Sweep);
        var step = await _parts.Dispatcher.DispatchAsync();
        await _parts.Lines.GiveBackAsync();
        switch (step)
        {
            case DispatchStep.Stop:
                await StopAsync();
                break;
            case DispatchStep.Complete:
                await CompleteAsync();
                break;
        }
    }

    /// <summary>
    /// The completion is announced before it is stored: the outbox keeps one event per campaign, so a store that fails
    /// and is tried again announces nothing twice, and no completion is ever stored unannounced. When the announcement
    /// fails the activation is dropped with its unsaved status, and the keep-alive reminder brings the campaign back
    /// running from what was stored, to complete again.
    /// </summary>
    private async Task CompleteAsync()
    {
        CampaignLifecycle.Apply(Campaign.State, CampaignOperation.Complete, _parts.Clock.GetUtcNow());
        try
        {
            await webhooks.CampaignCompletedAsync(Campaign.Info());
        }
        catch
        {
            _timer?.Dispose();
            _timer = null;
            DeactivateOnIdle();
            throw;
        }

        await Campaign.SaveAsync();
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
}
