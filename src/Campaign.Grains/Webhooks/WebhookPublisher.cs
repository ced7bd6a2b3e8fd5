using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Webhooks;

namespace Campaign.Grains.Webhooks;

/// <summary>Announces events to the endpoints subscribed to them: each is queued in every such endpoint's outbox before this returns.</summary>
public sealed class WebhookPublisher(IGrainFactory grains, TimeProvider clock) : IWebhookEvents
{
    public async Task CallCompletedAsync(CallRecord call)
    {
        var now = clock.GetUtcNow();
        await PublishAsync(WebhookPayloads.CallCompleted(call, now));
        if (WebhookPayloads.FollowUpCreated(call, now) is { } followUp)
        {
            await PublishAsync(followUp);
        }
    }

    public Task OptedOutAsync(string customerId, string phone, string reason, string source, DateTimeOffset at, string? occasion = null) =>
        PublishAsync(WebhookPayloads.OptOut(customerId, phone, reason, source, at, occasion));

    public Task CampaignCompletedAsync(CampaignInfo campaign) =>
        PublishAsync(WebhookPayloads.CampaignCompleted(campaign, clock.GetUtcNow()));

    private async Task PublishAsync(WebhookEvent webhookEvent)
    {
        var subscriptions = await grains.GetGrain<IWebhookCatalogGrain>(IWebhookCatalogGrain.Key).ListAsync();
        await Task.WhenAll(subscriptions
            .Where(s => s.Events.Contains(webhookEvent.Type))
            .Select(s => grains.GetGrain<IWebhookEndpointGrain>(s.EndpointId).EnqueueAsync(webhookEvent)));
    }
}
