using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Segments;
using Campaign.Grains;

namespace Campaign.Host.Api;

/// <summary>What a dashboard shows of a campaign: its statistics and a page of its live calls (with their total).</summary>
public sealed record CampaignDashboard(CampaignInfo Campaign, CampaignStatsResponse Stats, IReadOnlyList<LiveCallResponse> LiveCalls, int LiveCallsTotal);

/// <summary>
/// The reads of a campaign the API, the admin pages and the live stream share. Each is one call to the campaign grain,
/// which answers from what it keeps in memory, whatever the number of live calls; segment names come from the segment
/// catalog when the statistics have segments to name.
/// </summary>
public sealed class CampaignQueries(IGrainFactory grains, [FromKeyedServices(EngineClock.Key)] TimeProvider clock)
{
    public const int DefaultLiveTake = 100;
    public const int MaxLiveTake = 1000;

    /// <summary>Null when the campaign does not exist.</summary>
    public async Task<CampaignDashboard?> DashboardAsync(string id, int topConcerns = 10, int liveSkip = 0, int liveTake = DefaultLiveTake)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetViewAsync(new CampaignViewRequest(topConcerns, liveSkip, liveTake)) is not { } view)
        {
            return null;
        }

        var named = view.Outcomes.BySegment.Any(s => s.Segment is not null);
        var segments = named
            ? (await grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key).ListAsync()).ToDictionary(s => s.Id, s => s.Name)
            : new Dictionary<string, string>();
        var now = clock.GetUtcNow();
        return new CampaignDashboard(
            view.Info,
            CampaignStatsResponse.From(view.Progress, view.Outcomes, segments, view.Info.Definition.Experiment),
            view.Live.Items.Select(c => LiveCallResponse.From(c, now)).ToList(),
            view.Live.Total);
    }

    public async Task<CampaignStatsResponse?> StatsAsync(string id) => (await DashboardAsync(id, liveTake: 0))?.Stats;

    /// <summary>A page of the calls in flight, oldest first, and their total; null when the campaign does not exist.</summary>
    public async Task<(IReadOnlyList<LiveCallResponse> Items, int Total)?> LiveCallsAsync(string id, int skip, int take)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetLiveCallsAsync(skip, take) is not { } page)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        return (page.Items.Select(c => LiveCallResponse.From(c, now)).ToList(), page.Total);
    }
}
