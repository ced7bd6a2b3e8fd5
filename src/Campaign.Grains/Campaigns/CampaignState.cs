using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Experiments;
using Campaign.Abstractions.Insights;
using Campaign.Grains.Compliance;

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

    /// <summary>Answered and abandoned calls of the last 30 days, for the abandoned-call rate.</summary>
    [Id(8)]
    public AbandonWindow Abandons { get; set; } = new();

    /// <summary>Who paused the campaign (<c>operator</c> or <c>compliance</c>) and why; cleared on resume.</summary>
    [Id(9)]
    public string? PausedBy { get; set; }

    [Id(10)]
    public string? PausedReason { get; set; }

    /// <summary>An experiment's tallies by script, counted as calls settle.</summary>
    [Id(11)]
    public Dictionary<string, VariantTally> ExperimentTallies { get; set; } = [];

    /// <summary>An experiment's decisions: stopped variants and the winner.</summary>
    [Id(12)]
    public ExperimentState? Experiment { get; set; }

    /// <summary>Learned timing's expected answers against the answers that came.</summary>
    [Id(13)]
    public AnswerForecastCheck? AnswerForecast { get; set; }
}
