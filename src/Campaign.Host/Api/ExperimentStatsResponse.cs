using Campaign.Abstractions.Experiments;
using Campaign.Abstractions.Insights;

namespace Campaign.Host.Api;

/// <summary>The <c>experiment</c> of <c>GET /api/campaigns/{id}/stats</c>: each variant's results and the winner, once there is one.</summary>
public sealed record ExperimentStatsResponse(ExperimentMetric Metric, IReadOnlyList<VariantStatsResponse> Variants, string? Winner, DateTimeOffset? DecidedAt)
{
    public static ExperimentStatsResponse From(ExperimentReport report) => new(
        report.Metric,
        report.Variants.Select(v => new VariantStatsResponse(v.ScriptId, v.Name, v.Customers, v.Calls, v.Successes, v.Trials, v.Rate, v.ProbabilityBest, v.Stopped, v.StopReason)).ToList(),
        report.Winner,
        report.DecidedAt);
}

/// <summary>
/// One variant: customers assigned, calls placed, the metric's successes out of its trials (answered calls, or calls
/// for the answered metric), the rate with its 95% interval, the chance it is best, and whether it stopped taking new
/// customers (<c>stopReason</c>: lost, worse, optOutRate, earlyHangUpRate).
/// </summary>
public sealed record VariantStatsResponse(
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
