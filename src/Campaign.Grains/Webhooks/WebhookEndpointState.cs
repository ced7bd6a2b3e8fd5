namespace Campaign.Grains.Webhooks;

/// <summary>A registered endpoint and its outbox. The secret is kept to sign deliveries and is never shown.</summary>
[GenerateSerializer, Alias("Campaign.WebhookEndpointState")]
public sealed class WebhookEndpointState
{
    [Id(0)]
    public string Url { get; set; } = "";

    [Id(1)]
    public List<string> Events { get; set; } = [];

    [Id(2)]
    public string Secret { get; set; } = "";

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The sequence number the next queued event gets.</summary>
    [Id(4)]
    public long NextSeq { get; set; } = 1;

    [Id(5)]
    public List<WebhookDelivery> Deliveries { get; set; } = [];
}
