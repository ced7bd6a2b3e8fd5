using System.Globalization;
using Campaign.Abstractions.Experiments;

namespace Campaign.Host.Ui;

/// <summary>How the dashboard words an experiment's metric, each variant's rate and its state.</summary>
public static class ExperimentText
{
    public static string Metric(ExperimentMetric metric) => metric switch
    {
        ExperimentMetric.Answered => "answered calls over calls placed",
        ExperimentMetric.MoreInfo => "asked for more information, over answered calls",
        _ => "interested, over answered calls",
    };

    /// <summary>"32.0% (24.1–40.8%), 32 of 100"; "–" before any trial.</summary>
    public static string Rate(VariantResult variant) => variant.Rate.Value is not { } value
        ? "–"
        : $"{Charts.Percent1(value)} ({Pct(variant.Rate.Low)}–{Pct(variant.Rate.High)}), {variant.Successes} of {variant.Trials}";

    public static string State(VariantResult variant, string? winner) => variant.ScriptId == winner
        ? "winner"
        : variant.StopReason switch
        {
            null => "taking customers",
            ExperimentState.Lost => "stopped: lost to the winner",
            ExperimentState.Worse => "stopped: clearly worse",
            ExperimentState.OptOutGuardrail => "stopped: too many opt-outs",
            ExperimentState.HangUpGuardrail => "stopped: too many early hang-ups",
            _ => "stopped",
        };

    private static string Pct(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
