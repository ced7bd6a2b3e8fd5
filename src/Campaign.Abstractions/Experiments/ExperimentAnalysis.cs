namespace Campaign.Abstractions.Experiments;

/// <summary>
/// An experiment's decisions at one look, from every variant's tally: pairwise <see cref="SequentialTest"/>s at
/// α divided by the number of pairs (Bonferroni), so the chance of any false decision stays below α however often and
/// however long the experiment is looked at. A variant that beats every other on the metric is the winner; with
/// auto-promotion the others stop taking new customers, and a variant clearly worse than another stops early. A
/// variant whose opt-out rate or first-turn hang-up rate is clearly above another's stops whatever the metric says.
/// The last open variant never stops. Decisions already made stand.
/// </summary>
public static class ExperimentAnalysis
{
    /// <summary>The default chance of a false decision over the whole experiment.</summary>
    public const double DefaultAlpha = 0.05;

    public static ExperimentState Decide(ExperimentDefinition experiment, IReadOnlyList<VariantTally> tallies, ExperimentState state, DateTimeOffset now, double alpha = DefaultAlpha)
    {
        var variants = experiment.Variants.Select(v => Tally(tallies, v.ScriptId)).ToList();
        var pairs = variants.Count * (variants.Count - 1) / 2;
        var level = alpha / Math.Max(1, pairs);
        var stopped = new Dictionary<string, string>(state.Stopped);

        void Stop(string scriptId, string reason)
        {
            if (!stopped.ContainsKey(scriptId) && variants.Count(v => !stopped.ContainsKey(v.ScriptId)) > 1)
            {
                stopped[scriptId] = reason;
            }
        }

        foreach (var variant in variants)
        {
            if (variants.Any(other => other != variant && Above(variant.OptOuts, variant.Answered, other.OptOuts, other.Answered, level)))
            {
                Stop(variant.ScriptId, ExperimentState.OptOutGuardrail);
            }
            else if (variants.Any(other => other != variant && Above(variant.EarlyHangUps, variant.Answered, other.EarlyHangUps, other.Answered, level)))
            {
                Stop(variant.ScriptId, ExperimentState.HangUpGuardrail);
            }
        }

        var winner = state.Winner;
        var decidedAt = state.DecidedAt;
        if (winner is null)
        {
            winner = variants.FirstOrDefault(v => !stopped.ContainsKey(v.ScriptId)
                && variants.All(other => other == v || Beats(v, other, experiment.Metric, level)))?.ScriptId;
            decidedAt = winner is null ? null : now;
        }

        if (experiment.AutoPromote)
        {
            foreach (var variant in variants.Where(v => v.ScriptId != winner))
            {
                if (winner is not null)
                {
                    Stop(variant.ScriptId, ExperimentState.Lost);
                }
                else if (variants.Any(other => other != variant && Beats(other, variant, experiment.Metric, level)))
                {
                    Stop(variant.ScriptId, ExperimentState.Worse);
                }
            }
        }

        return new ExperimentState(stopped, winner, decidedAt);
    }

    private static VariantTally Tally(IReadOnlyList<VariantTally> tallies, string scriptId) =>
        tallies.FirstOrDefault(t => t.ScriptId == scriptId) ?? new VariantTally(scriptId);

    private static bool Beats(VariantTally a, VariantTally b, ExperimentMetric metric, double level)
    {
        var (successesA, trialsA) = a.For(metric);
        var (successesB, trialsB) = b.For(metric);
        return Above(successesA, trialsA, successesB, trialsB, level);
    }

    private static bool Above(int successesA, int trialsA, int successesB, int trialsB, double level) =>
        SequentialTest.PValue(successesA, trialsA, successesB, trialsB, oneSided: true) <= level;
}
