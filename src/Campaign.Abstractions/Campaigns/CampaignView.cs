using Campaign.Abstractions.Storage;

namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// What a dashboard shows of a campaign, answered by the campaign grain in one call from what it keeps in memory:
/// the campaign, its progress, its running statistics and a page of its live calls.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CampaignView")]
public sealed record CampaignView(
    [property: Id(0)] CampaignInfo Info,
    [property: Id(1)] CampaignProgress Progress,
    [property: Id(2)] CampaignOutcomeStats Outcomes,
    [property: Id(3)] LiveCallPage Live);

/// <summary>How much of the view to return: the top concerns (0: none) and a page of live calls (take 0: none).</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CampaignViewRequest")]
public sealed record CampaignViewRequest(
    [property: Id(0)] int TopConcerns = 10,
    [property: Id(1)] int LiveSkip = 0,
    [property: Id(2)] int LiveTake = 100);
