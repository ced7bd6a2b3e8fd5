namespace Campaign.Abstractions.Experiments;

/// <summary>An experiment as its campaign keeps it: each variant's tally so far and the decisions made.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ExperimentProgress")]
public sealed record ExperimentProgress([property: Id(0)] IReadOnlyList<VariantTally> Tallies, [property: Id(1)] ExperimentState State);
