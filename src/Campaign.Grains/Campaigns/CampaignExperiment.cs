using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Experiments;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// A campaign's script experiment: the script each attempt is read (the customer's earlier one on a retry or callback,
/// else a new assignment among the variants still open), each settled call counted toward its variant, and the
/// decisions taken again after each count (<see cref="ExperimentAnalysis"/>).
/// </summary>
public sealed class CampaignExperiment(CampaignRecord campaign, ICallStore calls, TimeProvider clock, ILogger logger)
{
    private ExperimentDefinition? Definition => campaign.State.Definition?.Experiment;

    private ExperimentState Decisions => campaign.State.Experiment ?? ExperimentState.Open;

    /// <summary>The script of this attempt; null when the campaign runs no experiment.</summary>
    public async Task<string?> ScriptForAsync(WorkItem item)
    {
        if (Definition is not { } experiment)
        {
            return null;
        }

        var heardBefore = item.Attempts > 0 && item.CallId is { } previous ? (await calls.GetAsync(previous))?.ScriptId : null;
        return ExperimentScripts.For(campaign.Id, item.CustomerId, experiment, Decisions, heardBefore);
    }

    /// <summary>
    /// Counts a settled call toward its variant and decides again; a decision newly made is logged. False when the call
    /// counts toward no variant (nothing to save).
    /// </summary>
    public bool Count(CallReport report)
    {
        if (Definition is not { } experiment || report.ScriptId is not { } scriptId || experiment.Variants.All(v => v.ScriptId != scriptId))
        {
            return false;
        }

        var tallies = campaign.State.ExperimentTallies;
        tallies[scriptId] = VariantTallies.Count(tallies.GetValueOrDefault(scriptId) ?? new VariantTally(scriptId), report);
        var before = Decisions;
        var after = ExperimentAnalysis.Decide(experiment, tallies.Values.ToList(), before, clock.GetUtcNow());
        campaign.State.Experiment = after;
        foreach (var (stopped, reason) in after.Stopped.Where(s => !before.Stopped.ContainsKey(s.Key)))
        {
            CampaignLog.VariantStopped(logger, campaign.Id, stopped, reason);
        }

        if (after.Winner is { } winner && before.Winner is null)
        {
            CampaignLog.ExperimentDecided(logger, campaign.Id, winner);
        }

        return true;
    }

    /// <summary>The tallies and decisions for the statistics; null without an experiment.</summary>
    public ExperimentProgress? Progress() =>
        Definition is null ? null : new ExperimentProgress(campaign.State.ExperimentTallies.Values.ToList(), Decisions);
}
