using Campaign.Abstractions.Insights;

namespace Campaign.Abstractions.Experiments;

/// <summary>
/// One variant's results, as the API's <c>experiment</c> in a campaign's stats shows them: customers assigned, calls
/// placed, the metric's successes out of its trials (answered calls, or calls for the answered metric), the rate with
/// its 95% interval, the chance it is best, and whether it stopped taking new customers (<c>stopReason</c>: lost,
/// worse, optOutRate, earlyHangUpRate).
/// </summary>
public sealed record VariantResult(
    string ScriptId,
    string Name,
    int Customers,
    int Calls,
    int Successes,
    int Trials,
    RateInterval Rate,
    double ProbabilityBest,
    bool Stopped,
    string? StopReason);

/// <summary>An experiment as the dashboard and the API show it.</summary>
public sealed record ExperimentReport(ExperimentMetric Metric, IReadOnlyList<VariantResult> Variants, string? Winner, DateTimeOffset? DecidedAt)
{
    public static ExperimentReport Of(ExperimentDefinition experiment, IReadOnlyList<VariantTally> tallies, ExperimentState state)
    {
        var rows = experiment.Variants.Select(v => (Variant: v, Tally: tallies.FirstOrDefault(t => t.ScriptId == v.ScriptId) ?? new VariantTally(v.ScriptId))).ToList();
        var best = ProbabilityBest.Of(rows.Select(r => r.Tally.For(experiment.Metric)).ToList());
        var results = rows.Select((r, i) =>
        {
            var (successes, trials) = r.Tally.For(experiment.Metric);
            var reason = state.Stopped.TryGetValue(r.Variant.ScriptId, out var why) ? why : null;
            return new VariantResult(r.Variant.ScriptId, r.Variant.Name, r.Tally.Customers, r.Tally.Calls, successes, trials,
                RateInterval.Wilson(successes, trials), best[i], reason is not null, reason);
        }).ToList();
        return new ExperimentReport(experiment.Metric, results, state.Winner, state.DecidedAt);
    }
}
