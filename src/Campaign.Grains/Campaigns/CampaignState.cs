using Campaign.Abstractions.Campaigns;

namespace Campaign.Grains.Campaigns;

[GenerateSerializer, Alias("Campaign.CampaignState")]
public sealed class CampaignState
{
    [Id(0)]
    public CampaignDefinition? Definition { get; set; }

    [Id(1)]
    public CampaignStatus Status { get; set; }

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(4)]
    public DateTimeOffset? EndedAt { get; set; }

    [Id(5)]
    public int Audience { get; set; }

    [Id(6)]
    public int PeakInFlight { get; set; }

    /// <summary>The script versions pinned at start: a running campaign keeps them whatever is saved later.</summary>
    [Id(7)]
    public Dictionary<string, int> ScriptVersions { get; set; } = [];
}
