using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// What the campaign's dashboards read, answered from what it keeps in memory: progress, running statistics, live calls
/// and why the pending customers wait.
/// </summary>
public sealed class CampaignReadModel(
    CampaignRecord campaign,
    CampaignWorkList work,
    CampaignStatistics statistics,
    CallsInFlight inFlight,
    CampaignExperiment experiment,
    Func<string, DateTimeOffset, bool> isOpen,
    TimeProvider clock)
{
    public async Task<CampaignProgress> GetProgressAsync() => await ProgressAsync(await statistics.GetAsync());

    public async Task<CampaignView> GetViewAsync(CampaignViewRequest request)
    {
        var tally = await statistics.GetAsync();
        var progress = await ProgressAsync(tally);
        return new CampaignView(campaign.Info(), progress, tally.Stats(request.TopConcerns), inFlight.Page(request.LiveSkip, request.LiveTake));
    }

    public async Task<IReadOnlyList<PendingCall>> GetPendingAsync(int limit)
    {
        if (campaign.State.Definition is null || !campaign.IsActive || limit <= 0)
        {
            return [];
        }

        return PendingCalls.Explain(await work.PendingAsync(limit), clock.GetUtcNow(), isOpen);
    }

    /// <summary>Counts the statistics again from the store on the next read (after an erasure redacted calls).</summary>
    public void Recount()
    {
        statistics.Recount();
        campaign.Changed();
    }

    private async Task<CampaignProgress> ProgressAsync(CampaignTally tally)
    {
        var now = clock.GetUtcNow();
        var (counts, due, skipped) = await work.Progress.GetAsync(now);
        var state = campaign.State;
        var byResult = Enum.GetValues<CallResult>().ToDictionary(r => Camel(r.ToString()), r => tally.Results.GetValueOrDefault(r.ToString()));
        var waiting = campaign.IsActive ? due.Where(z => !isOpen(z.Key, now)).Sum(z => z.Value) : 0;
        return new CampaignProgress(state.Status, state.Audience, counts.Pending, counts.InCall, state.PeakInFlight, counts.RetriesPending,
            counts.Done, counts.Skipped, byResult, waiting, skipped,
            Math.Round(AbandonRule.Rate(state.Abandons, now), 4), campaign.PausedBy, campaign.PausedReason, AbandonRule.AverageFirstAudioMs(state.Abandons, now),
            experiment.Progress(), state.Definition?.Timing == CallTiming.Learned ? state.AnswerForecast ?? AnswerForecastCheck.None : null);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
