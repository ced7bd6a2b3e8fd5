namespace Campaign.Abstractions.Experiments;

/// <summary>
/// The probability that each variant's true rate is the highest, with a uniform prior on each rate: each rate's posterior
/// Beta(1 + successes, 1 + failures), approximated by a normal of the same mean and variance, and P(best) integrated
/// numerically. For display next to the decision; the decision itself is the <see cref="SequentialTest"/>'s.
/// </summary>
public static class ProbabilityBest
{
    private const int Steps = 600;

    public static IReadOnlyList<double> Of(IReadOnlyList<(int Successes, int Trials)> variants)
    {
        var posteriors = variants.Select(v =>
        {
            var mean = (v.Successes + 1.0) / (v.Trials + 2.0);
            return (Mean: mean, Sd: Math.Sqrt(mean * (1 - mean) / (v.Trials + 3.0)));
        }).ToList();
        var result = new double[posteriors.Count];
        for (var i = 0; i < posteriors.Count; i++)
        {
            var (mean, sd) = posteriors[i];
            var from = mean - (8 * sd);
            var step = 16 * sd / Steps;
            var sum = 0.0;
            for (var k = 0; k <= Steps; k++)
            {
                var x = from + (k * step);
                var density = Math.Exp(-0.5 * Math.Pow((x - mean) / sd, 2)) / (sd * Math.Sqrt(2 * Math.PI));
                var othersBelow = 1.0;
                for (var j = 0; j < posteriors.Count; j++)
                {
                    if (j != i)
                    {
                        othersBelow *= NormalCdf((x - posteriors[j].Mean) / posteriors[j].Sd);
                    }
                }

                sum += (k is 0 or Steps ? 0.5 : 1) * density * othersBelow * step;
            }

            result[i] = sum;
        }

        var total = result.Sum();
        return total > 0 ? result.Select(p => Math.Round(p / total, 4)).ToList() : result.Select(_ => 1.0 / result.Length).ToList();
    }

    /// <summary>Φ(z), by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
    public static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var erf = 1 - (((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
