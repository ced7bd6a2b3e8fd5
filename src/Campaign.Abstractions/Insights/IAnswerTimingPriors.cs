namespace Campaign.Abstractions.Insights;

/// <summary>
/// The prior of a customer's <see cref="AnswerPropensity"/>: everyone's answer timing, and their area's when they
/// have one, from the calls stored across campaigns.
/// </summary>
public interface IAnswerTimingPriors
{
    Task<AnswerPropensity> PriorAsync(string? area, CancellationToken cancellationToken = default);
}

/// <summary>No calls to learn from: the same chance at every hour, until a store-backed source is configured.</summary>
public sealed class NoAnswerTimingPriors : IAnswerTimingPriors
{
    private static readonly AnswerPropensity Flat = AnswerPropensity.Prior(new TimingGrid(), null);

    public Task<AnswerPropensity> PriorAsync(string? area, CancellationToken cancellationToken = default) => Task.FromResult(Flat);
}
