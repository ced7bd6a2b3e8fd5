namespace Campaign.Abstractions.Campaigns;

/// <summary>A campaign as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CampaignInfo")]
public sealed record CampaignInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] CampaignDefinition Definition,
    [property: Id(2)] CampaignStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset? EndedAt,
    [property: Id(6)] int Audience);

/// <summary>Live progress of a campaign.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CampaignProgress")]
public sealed record CampaignProgress(
    [property: Id(0)] CampaignStatus Status,
    [property: Id(1)] int Audience,
    [property: Id(2)] int Queued,
    [property: Id(3)] int InFlight,
    [property: Id(4)] int PeakInFlight,
    [property: Id(5)] int RetriesPending,
    [property: Id(6)] int Finished,
    [property: Id(7)] int Skipped,
    [property: Id(8)] IReadOnlyDictionary<string, int> Results,
    [property: Id(9)] int WaitingForCallingHours = 0,
    [property: Id(10)] IReadOnlyDictionary<string, int>? SkippedByReason = null);
