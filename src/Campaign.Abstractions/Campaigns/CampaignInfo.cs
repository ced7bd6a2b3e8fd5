namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// A campaign as the API shows it. A paused campaign says who paused it (<see cref="PausedBy"/>: <c>operator</c>, or
/// <c>compliance</c> when it paused itself) and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CampaignInfo")]
public sealed record CampaignInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] CampaignDefinition Definition,
    [property: Id(2)] CampaignStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset? EndedAt,
    [property: Id(6)] int Audience,
    [property: Id(7)] string? PausedBy = null,
    [property: Id(8)] string? PausedReason = null);

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
    [property: Id(10)] IReadOnlyDictionary<string, int>? SkippedByReason = null,
    [property: Id(11)] double AbandonRate = 0,
    [property: Id(12)] string? PausedBy = null,
    [property: Id(13)] string? PausedReason = null,
    [property: Id(14)] int? FirstAudioAvgMs = null,
    [property: Id(15)] Experiments.ExperimentProgress? Experiment = null,
    [property: Id(16)] Insights.AnswerForecastCheck? AnswerForecast = null);
