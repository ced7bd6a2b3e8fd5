namespace Campaign.Abstractions.Experiments;

/// <summary>What an experiment's variants are compared on.</summary>
public enum ExperimentMetric
{
    /// <summary>Answered calls in which the customer was interested.</summary>
    Interest,

    /// <summary>Calls the customer answered.</summary>
    Answered,

    /// <summary>Answered calls in which the customer asked for more information.</summary>
    MoreInfo,
}

/// <summary>One script under test and the name the results show it by.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ExperimentVariant")]
public sealed record ExperimentVariant([property: Id(0)] string ScriptId, [property: Id(1)] string Name);

/// <summary>
/// Two to four scripts tried on the same audience: each customer hears one of them, always the same, and a clear winner
/// may take every new customer (<see cref="AutoPromote"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.ExperimentDefinition")]
public sealed record ExperimentDefinition(
    [property: Id(0)] IReadOnlyList<ExperimentVariant> Variants,
    [property: Id(1)] ExperimentMetric Metric = ExperimentMetric.Interest,
    [property: Id(2)] bool AutoPromote = true)
{
    public const int MinVariants = 2;
    public const int MaxVariants = 4;
}
