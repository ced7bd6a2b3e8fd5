namespace Campaign.Abstractions.Segments;

/// <summary>A saved segment: a name for a set of criteria, kept as the JSON the user wrote.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.SegmentDefinition")]
public sealed record SegmentDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string CriteriaJson,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);
