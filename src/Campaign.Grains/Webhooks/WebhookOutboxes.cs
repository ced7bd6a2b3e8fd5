using Campaign.Abstractions.Webhooks;

namespace Campaign.Grains.Webhooks;

public static class WebhookOutboxes
{
    /// <summary>Wakes every endpoint's outbox, so deliveries left open by a stop or a crash resume at once.</summary>
    public static async Task WakeAllAsync(IGrainFactory grains)
    {
        foreach (var subscription in await grains.GetGrain<IWebhookCatalogGrain>(IWebhookCatalogGrain.Key).ListAsync())
        {
            await grains.GetGrain<IWebhookEndpointGrain>(subscription.EndpointId).WakeAsync();
        }
    }
}
