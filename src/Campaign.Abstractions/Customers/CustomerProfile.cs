namespace Campaign.Abstractions.Customers;

/// <summary>A customer as imported: who they are, where they live, what they reported and the consent they gave.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Phone,
    [property: Id(3)] string? Area,
    [property: Id(4)] string? Address,
    [property: Id(5)] string? TimeZone,
    [property: Id(6)] string? Language,
    [property: Id(7)] IReadOnlyList<string> Tags,
    [property: Id(8)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(9)] IReadOnlyList<CustomerIssue> Issues,
    [property: Id(10)] IReadOnlyList<ConsentRecord>? Consent = null);

/// <summary>A problem the customer reported, such as an electricity outage.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CustomerIssue")]
public sealed record CustomerIssue(
    [property: Id(0)] string Category,
    [property: Id(1)] DateTimeOffset? ReportedAt,
    [property: Id(2)] string? Text);
