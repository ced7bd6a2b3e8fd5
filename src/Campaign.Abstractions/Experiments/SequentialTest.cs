namespace Campaign.Abstractions.Experiments;

/// <summary>
/// The mixture sequential probability ratio test (mSPRT) for a difference of two rates, after Johari, Pekelis and Walsh,
/// "Always valid inference" (2017): the likelihood ratio of "the rates differ by θ" against "they are equal", averaged
/// over a normal prior θ ~ N(0, τ²), under the normal approximation of the rates' difference. Its p-value stays valid
/// however often it is looked at, so a dashboard may check it every minute and stop at the first crossing without
/// inflating the false-positive rate the way a repeated fixed-sample test does.
/// </summary>
public static class SequentialTest
{
    /// <summary>The mixing prior's spread on the difference of rates: differences of about ten points are detected soonest.</summary>
    public const double DefaultTau = 0.10;

    /// <summary>Fewer trials than this on either side and the normal approximation is not trusted: no evidence yet.</summary>
    public const int MinTrials = 20;

    /// <summary>
    /// The mixture likelihood ratio Λ for rate A being different from rate B; 1/Λ is an always-valid p-value. With
    /// <paramref name="oneSided"/> only A above B counts as evidence (a subset of the two-sided crossings, so no less valid).
    /// </summary>
    public static double LikelihoodRatio(int successesA, int trialsA, int successesB, int trialsB, double tau = DefaultTau, bool oneSided = false)
    {
        if (trialsA < MinTrials || trialsB < MinTrials)
        {
            return 1;
        }

        var difference = ((double)successesA / trialsA) - ((double)successesB / trialsB);
        if (oneSided && difference <= 0)
        {
            return 1;
        }

        // Variances from rates pulled a little toward one half, so that 0 of 40 does not claim certainty.
        var variance = Variance(successesA, trialsA) + Variance(successesB, trialsB);
        var prior = tau * tau;
        var ratio = Math.Sqrt(variance / (variance + prior)) * Math.Exp(difference * difference * prior / (2 * variance * (variance + prior)));
        return ratio;
    }

    /// <summary>The always-valid p-value of the same comparison (1 when there is no evidence).</summary>
    public static double PValue(int successesA, int trialsA, int successesB, int trialsB, double tau = DefaultTau, bool oneSided = false) =>
        Math.Min(1, 1 / LikelihoodRatio(successesA, trialsA, successesB, trialsB, tau, oneSided));

    private static double Variance(int successes, int trials)
    {
        var rate = (successes + 1.0) / (trials + 2.0);
        return rate * (1 - rate) / trials;
    }
}
