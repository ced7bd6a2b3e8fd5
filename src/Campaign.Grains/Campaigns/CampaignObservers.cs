using Campaign.Abstractions.Campaigns;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Campaign.Grains.Campaigns;

/// <summary>The dashboards that follow a campaign; subscriptions expire unless renewed.</summary>
public sealed class CampaignObservers(string campaignId, TimeSpan expiry, ILogger logger)
{
    private readonly ObserverManager<ICampaignObserver> _observers = new(expiry, logger);

    public void Subscribe(ICampaignObserver observer) => _observers.Subscribe(observer, observer);

    public void Unsubscribe(ICampaignObserver observer) => _observers.Unsubscribe(observer);

    /// <summary>One-way, fire-and-forget: a slow or vanished observer never holds up the dialler.</summary>
    public void Notify()
    {
        if (_observers.Count > 0)
        {
            _observers.Notify(o => o.OnCampaignChangedAsync(campaignId));
        }
    }
}
