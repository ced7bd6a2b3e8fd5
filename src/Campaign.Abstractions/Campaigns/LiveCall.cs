namespace Campaign.Abstractions.Campaigns;

/// <summary>A call of a campaign that is live now: placed and not yet reported ended.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.LiveCall")]
public sealed record LiveCall(
    [property: Id(0)] string CallId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string? SegmentId,
    [property: Id(3)] int Attempt,
    [property: Id(4)] DateTimeOffset Since);
