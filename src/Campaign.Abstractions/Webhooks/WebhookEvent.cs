namespace Campaign.Abstractions.Webhooks;

/// <summary>
/// One event to deliver: <see cref="Body"/> is the exact JSON posted (<c>{ id, type, at, data }</c>), the same for
/// every endpoint. <see cref="CustomerId"/> orders deliveries: an endpoint gets a customer's events one after another.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.WebhookEvent")]
public sealed record WebhookEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? CustomerId,
    [property: Id(4)] string Body);
