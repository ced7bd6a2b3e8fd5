using Campaign.Abstractions.Webhooks;

namespace Campaign.Grains.Webhooks;

/// <summary>One event's delivery to one endpoint, as kept in the endpoint's outbox state.</summary>
[GenerateSerializer, Alias("Campaign.WebhookDelivery")]
public sealed class WebhookDelivery
{
    [Id(0)]
    public string Id { get; set; } = "";

    /// <summary>The order it was queued in; a customer's deliveries go out in this order.</summary>
    [Id(1)]
    public long Seq { get; set; }

    [Id(2)]
    public string EventId { get; set; } = "";

    [Id(3)]
    public string Type { get; set; } = "";

    [Id(4)]
    public string? CustomerId { get; set; }

    [Id(5)]
    public string Body { get; set; } = "";

    [Id(6)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(7)]
    public WebhookDeliveryStatus Status { get; set; }

    [Id(8)]
    public int Attempts { get; set; }

    [Id(9)]
    public DateTimeOffset? LastAttemptAt { get; set; }

    [Id(10)]
    public int? ResponseStatus { get; set; }

    /// <summary>When it may be sent next; null once it is delivered or failed.</summary>
    [Id(11)]
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>After this it is given up as failed.</summary>
    [Id(12)]
    public DateTimeOffset GiveUpAt { get; set; }

    /// <summary>Why the last attempt failed (a status, a timeout, a connection error); never the secret or the body.</summary>
    [Id(13)]
    public string? Error { get; set; }

    public bool IsOpen => Status is WebhookDeliveryStatus.Pending or WebhookDeliveryStatus.Retrying;

    public WebhookDeliveryInfo Info() => new(Id, EventId, Type, Status, Attempts, CreatedAt, LastAttemptAt, ResponseStatus, NextAttemptAt, Error);
}

/// <summary>How one attempt ended: a status code when the endpoint answered, otherwise the error.</summary>
public sealed record WebhookAttempt(DateTimeOffset At, int? ResponseStatus, string? Error)
{
    public bool Succeeded => ResponseStatus is >= 200 and < 300;
}
