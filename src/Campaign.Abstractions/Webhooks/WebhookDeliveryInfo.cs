namespace Campaign.Abstractions.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not tried yet (or waiting for the same customer's earlier event).</summary>
    Pending,

    /// <summary>Tried and failed; tried again after a backoff.</summary>
    Retrying,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: no 2xx answer within the retry window (24 hours by default).</summary>
    Failed,
}

/// <summary>One event's delivery to one endpoint, as the delivery log shows it.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.WebhookDeliveryInfo")]
public sealed record WebhookDeliveryInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Event,
    [property: Id(3)] WebhookDeliveryStatus Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? LastAttemptAt,
    [property: Id(7)] int? ResponseStatus,
    [property: Id(8)] DateTimeOffset? NextAttemptAt,
    [property: Id(9)] string? Error);

/// <summary>A page of an endpoint's delivery log, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.WebhookDeliveryPage")]
public sealed record WebhookDeliveryPage([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<WebhookDeliveryInfo> Items);
