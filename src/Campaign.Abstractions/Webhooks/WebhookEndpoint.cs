namespace Campaign.Abstractions.Webhooks;

/// <summary>A registered endpoint as the API shows it; the secret is never part of it.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.WebhookEndpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Events,
    [property: Id(3)] DateTimeOffset CreatedAt);

/// <summary>What an operator registers: where to post, which events, and the secret that signs each delivery.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.WebhookRegistration")]
public sealed record WebhookRegistration(
    [property: Id(0)] string? Url,
    [property: Id(1)] IReadOnlyList<string?>? Events,
    [property: Id(2)] string? Secret)
{
    /// <summary>Without the secret, so no log or trace that prints the registration shows it.</summary>
    public override string ToString() =>
        $"WebhookRegistration {{ Url = {Url}, Events = [{string.Join(", ", Events ?? [])}], Secret = {(Secret is null ? "null" : "***")} }}";
}

/// <summary>An endpoint's id and the events it wants, as the catalog keeps them for the publisher.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.WebhookSubscription")]
public sealed record WebhookSubscription([property: Id(0)] string EndpointId, [property: Id(1)] IReadOnlyList<string> Events);
