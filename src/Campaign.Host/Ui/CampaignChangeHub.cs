using Campaign.Abstractions.Campaigns;
using Microsoft.Extensions.Options;

namespace Campaign.Host.Ui;

/// <summary>
/// This silo's single observer of campaign grains, fanning their change notifications out to the live streams open
/// here. It subscribes once per watched campaign, whatever the number of browsers, renews the subscriptions before
/// the grains let them expire, and unsubscribes when the last stream of a campaign closes.
/// </summary>
internal sealed partial class CampaignChangeHub(IGrainFactory grains, IOptions<LiveUpdateOptions> options, ILogger<CampaignChangeHub> logger)
    : BackgroundService, ICampaignObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<CampaignWatch>> _watches = new(StringComparer.Ordinal);
    private ICampaignObserver? _reference;

    /// <summary>Starts watching a campaign; the subscription is in place when this returns (or logged as failed: the fallback poll covers it).</summary>
    public async Task<CampaignWatch> WatchAsync(string campaignId)
    {
        var watch = new CampaignWatch(campaignId, Leave);
        bool first;
        lock (_gate)
        {
            if (!_watches.TryGetValue(campaignId, out var set))
            {
                _watches[campaignId] = set = [];
            }

            first = set.Count == 0;
            set.Add(watch);
        }

        if (first)
        {
            await SubscribeAsync(campaignId);
        }

        return watch;
    }

    public Task OnCampaignChangedAsync(string campaignId)
    {
        lock (_gate)
        {
            if (_watches.TryGetValue(campaignId, out var set))
            {
                foreach (var watch in set)
                {
                    watch.Signal();
                }
            }
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                string[] watched;
                lock (_gate)
                {
                    watched = [.. _watches.Keys];
                }

                foreach (var campaignId in watched)
                {
                    await SubscribeAsync(campaignId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is not null)
        {
            grains.DeleteObjectReference<ICampaignObserver>(_reference);
        }
    }

    private void Leave(CampaignWatch watch)
    {
        bool last;
        lock (_gate)
        {
            last = _watches.TryGetValue(watch.CampaignId, out var set) && set.Remove(watch) && set.Count == 0;
            if (last)
            {
                _watches.Remove(watch.CampaignId);
            }
        }

        if (last && _reference is not null)
        {
            _ = UnsubscribeAsync(watch.CampaignId, _reference);
        }
    }

    private async Task SubscribeAsync(string campaignId)
    {
        try
        {
            await grains.GetGrain<ICampaignGrain>(campaignId).SubscribeAsync(Reference());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSubscribeFailed(logger, campaignId, ex.Message);
        }
    }

    private async Task UnsubscribeAsync(string campaignId, ICampaignObserver reference)
    {
        try
        {
            await grains.GetGrain<ICampaignGrain>(campaignId).UnsubscribeAsync(reference);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSubscribeFailed(logger, campaignId, ex.Message);
        }

        // A stream that opened meanwhile may have subscribed before this unsubscribe landed.
        bool watchedAgain;
        lock (_gate)
        {
            watchedAgain = _watches.ContainsKey(campaignId);
        }

        if (watchedAgain)
        {
            await SubscribeAsync(campaignId);
        }
    }

    private ICampaignObserver Reference()
    {
        lock (_gate)
        {
            return _reference ??= grains.CreateObjectReference<ICampaignObserver>(this);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates of campaign {CampaignId}: subscription change failed ({Reason}); the fallback poll keeps the stream going")]
    private static partial void LogSubscribeFailed(ILogger logger, string campaignId, string reason);
}
