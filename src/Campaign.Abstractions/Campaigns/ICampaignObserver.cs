using Orleans.Concurrency;

namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// Told that a campaign changed (a call started, progressed or ended, the status changed). It carries no data: the
/// listener reads what it needs, as often as it cares to, so a burst of changes costs the campaign nothing extra.
/// Subscriptions expire unless renewed (<see cref="ICampaignGrain.SubscribeAsync"/>).
/// </summary>
[Alias("Campaign.ICampaignObserver")]
public interface ICampaignObserver : IGrainObserver
{
    [OneWay]
    [Alias("OnCampaignChanged")]
    Task OnCampaignChangedAsync(string campaignId);
}
