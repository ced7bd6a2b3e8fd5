namespace Campaign.Abstractions.Webhooks;

/// <summary>
/// One registered endpoint (key: endpoint id) and its durable outbox: events are kept in its state until delivered
/// or given up, and a reminder wakes it to retry, across restarts.
/// </summary>
[Alias("Campaign.IWebhookEndpointGrain")]
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    /// <summary>Validates and saves the endpoint; throws <see cref="WebhookException"/> naming the bad field.</summary>
    [Alias("Register")]
    Task<WebhookEndpoint> RegisterAsync(WebhookRegistration registration);

    [Alias("Get")]
    Task<WebhookEndpoint?> GetAsync();

    /// <summary>Removes the endpoint with its outbox and log. False when it did not exist.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync();

    /// <summary>Keeps the event in the outbox (once per event id) and sends it as soon as its customer's earlier events are done.</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(WebhookEvent webhookEvent);

    /// <summary>The delivery log, newest first; null when the endpoint does not exist.</summary>
    [Alias("Deliveries")]
    Task<WebhookDeliveryPage?> GetDeliveriesAsync(int skip, int take);

    /// <summary>Sends a delivery again (with a new retry window); null when the endpoint or delivery does not exist.</summary>
    [Alias("Retry")]
    Task<WebhookDeliveryInfo?> RetryAsync(string deliveryId);

    /// <summary>Starts sending what is due (after a restart, without waiting for the reminder).</summary>
    [Alias("Wake")]
    Task WakeAsync();
}

/// <summary>The registered endpoints and the events each wants (key <see cref="Key"/>).</summary>
[Alias("Campaign.IWebhookCatalogGrain")]
public interface IWebhookCatalogGrain : IGrainWithStringKey
{
    public const string Key = "webhooks";

    [Alias("Add")]
    Task AddAsync(WebhookSubscription subscription);

    [Alias("Remove")]
    Task RemoveAsync(string endpointId);

    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<WebhookSubscription>> ListAsync();
}
