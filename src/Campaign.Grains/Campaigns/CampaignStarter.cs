using Campaign.Abstractions.Campaigns;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// A campaign's creation and start: the definition is checked both times, and at start the audience is snapshotted
/// into the work list with the scripts' versions pinned.
/// </summary>
public sealed class CampaignStarter(
    CampaignRecord campaign,
    CampaignWorkList work,
    CampaignValidator validator,
    AudienceResolver audiences,
    CampaignScripts scripts,
    CustomerLocator locator,
    SkippedAtStart skipped,
    TimeProvider clock)
{
    /// <summary>A new draft from <paramref name="definition"/>, still to be saved.</summary>
    public async Task CreateAsync(CampaignDefinition definition)
    {
        if (campaign.Exists)
        {
            throw new CampaignException($"campaign '{campaign.Id}' already exists", conflict: true);
        }

        await validator.ValidateAsync(definition);
        var state = campaign.State;
        state.Definition = definition;
        state.Status = CampaignStatus.Draft;
        state.CreatedAt = clock.GetUtcNow();
    }

    /// <summary>Snapshots the audience and moves the campaign to running, still to be saved.</summary>
    public async Task StartAsync()
    {
        campaign.EnsureExists();
        CampaignLifecycle.Ensure(campaign.Status, CampaignOperation.Start);

        var definition = campaign.Definition;
        await validator.ValidateAsync(definition);
        var parts = await audiences.ResolveAsync(definition);
        var pinned = await scripts.PinAsync(definition, parts);
        var audience = await work.SnapshotAsync(parts, locator, clock.GetUtcNow());
        if (audience == 0)
        {
            throw new CampaignException("the audience is empty: no customer matches (customers on the do-not-call list never do)", definition.SegmentId is null ? "criteria" : "segmentId");
        }

        campaign.State.ScriptVersions = pinned;
        campaign.State.Audience = audience;
        CampaignLifecycle.Apply(campaign.State, CampaignOperation.Start, clock.GetUtcNow());
    }

    /// <summary>Puts on record the decision for each customer the snapshot skipped, once the start is saved.</summary>
    public Task RecordSkippedAsync() => skipped.RecordAsync(campaign.Id, clock.GetUtcNow());
}
