namespace Campaign.Abstractions.Experiments;

/// <summary>
/// The decisions an experiment has made, each final once made: the variants that take no new customers (with why) and
/// the winner with when it was found.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.ExperimentState")]
public sealed record ExperimentState(
    [property: Id(0)] IReadOnlyDictionary<string, string> Stopped,
    [property: Id(1)] string? Winner = null,
    [property: Id(2)] DateTimeOffset? DecidedAt = null)
{
    public static ExperimentState Open { get; } = new(new Dictionary<string, string>());

    /// <summary>Why a variant stopped: it lost to the winner, was clearly worse than another, or broke a guardrail.</summary>
    public const string Lost = "lost";
    public const string Worse = "worse";
    public const string OptOutGuardrail = "optOutRate";
    public const string HangUpGuardrail = "earlyHangUpRate";
}
