using Campaign.Abstractions.Webhooks;
using Orleans.Runtime;

namespace Campaign.Grains.Webhooks;

[GenerateSerializer, Alias("Campaign.WebhookCatalogState")]
public sealed class WebhookCatalogState
{
    [Id(0)]
    public List<WebhookSubscription> Subscriptions { get; set; } = [];
}

/// <summary>The endpoints and their events in one state, so the publisher finds an event's subscribers with one call.</summary>
public sealed class WebhookCatalogGrain(
    [PersistentState("webhooks", StorageNames.LargeState)] IPersistentState<WebhookCatalogState> state) : Grain, IWebhookCatalogGrain
{
    public async Task AddAsync(WebhookSubscription subscription)
    {
        state.State.Subscriptions.RemoveAll(s => s.EndpointId == subscription.EndpointId);
        state.State.Subscriptions.Add(subscription);
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string endpointId)
    {
        if (state.State.Subscriptions.RemoveAll(s => s.EndpointId == endpointId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<WebhookSubscription>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WebhookSubscription>>(state.State.Subscriptions.ToList());
}
