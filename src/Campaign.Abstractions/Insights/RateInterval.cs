namespace Campaign.Abstractions.Insights;

/// <summary>
/// A rate with its 95% Wilson score interval. <see cref="Value"/> is null when nothing was counted (the interval is
/// then 0 to 1: nothing is known).
/// </summary>
public sealed record RateInterval(double? Value, double Low, double High)
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static RateInterval Unknown { get; } = new(null, 0, 1);

    /// <summary>
    /// The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>:
    /// (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), rounded to four places.
    /// </summary>
    public static RateInterval Wilson(int successes, int trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return Unknown;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var spread = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var denominator = 1 + (z2 / n);
        return new RateInterval(
            Round(p),
            Round(Math.Max(0, (centre - spread) / denominator)),
            Round(Math.Min(1, (centre + spread) / denominator)));
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
