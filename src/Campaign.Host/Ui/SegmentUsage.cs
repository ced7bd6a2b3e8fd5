using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Schedules;

namespace Campaign.Host.Ui;

/// <summary>
/// Who still needs a segment: campaigns not yet started (they resolve it when they start) and schedules (at every run).
/// A started campaign took its audience already and is not affected by deleting the segment.
/// </summary>
public sealed record SegmentUsage(IReadOnlyList<string> Campaigns, IReadOnlyList<string> Schedules)
{
    public bool Any => Campaigns.Count > 0 || Schedules.Count > 0;

    public static async Task<SegmentUsage> LoadAsync(IGrainFactory grains, string segmentId)
    {
        var campaigns = (await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync())
            .Where(c => c.Status is CampaignStatus.Draft or CampaignStatus.Scheduled && Uses(c.Definition, segmentId))
            .Select(c => c.Definition.Name)
            .ToList();
        var schedules = new List<string>();
        foreach (var id in await grains.GetGrain<IScheduleCatalogGrain>(IScheduleCatalogGrain.Key).ListAsync())
        {
            if (await grains.GetGrain<IScheduleGrain>(id).GetAsync() is { Active: true } schedule && Uses(schedule.Definition.Campaign, segmentId))
            {
                schedules.Add(schedule.Definition.Campaign.Name);
            }
        }

        return new SegmentUsage(campaigns, schedules);
    }

    private static bool Uses(CampaignDefinition definition, string segmentId) =>
        definition.SegmentId == segmentId || definition.Variants.Any(v => v.SegmentId == segmentId);
}
