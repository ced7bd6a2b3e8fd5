using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Experiments;
using Campaign.Abstractions.Storage;

namespace Campaign.Host.Api;

/// <summary>The body of <c>GET /api/campaigns/{id}/stats</c>, as the HTTP contract names it.</summary>
public sealed record CampaignStatsResponse(
    CampaignStatus Status,
    int Audience,
    int Queued,
    int InFlight,
    int PeakInFlight,
    IReadOnlyDictionary<string, int> Results,
    int RetriesPending,
    int Finished,
    int Skipped,
    int WaitingForCallingHours,
    IReadOnlyList<SegmentStatsResponse> BySegment,
    IReadOnlyList<ConcernCount> TopConcerns,
    FollowUpCounts FollowUps,
    IReadOnlyList<IReadOnlyList<double?>> AnswerRateByHourAndWeekday,
    IReadOnlyList<IReadOnlyList<int>> AttemptsByHourAndWeekday,
    IReadOnlyDictionary<string, int> SkippedByReason,
    double AbandonRate,
    string? PausedBy,
    string? PausedReason,
    int? FirstAudioAvgMs,
    ExperimentReport? Experiment,
    LearnedTimingStatsResponse? LearnedTiming)
{
    public static CampaignStatsResponse From(CampaignProgress progress, CampaignOutcomeStats outcomes, IReadOnlyDictionary<string, string> segmentNames, ExperimentDefinition? experiment = null) => new(
        progress.Status,
        progress.Audience,
        progress.Queued,
        progress.InFlight,
        progress.PeakInFlight,
        progress.Results,
        progress.RetriesPending,
        progress.Finished,
        progress.Skipped,
        progress.WaitingForCallingHours,
        outcomes.BySegment.Select(s => new SegmentStatsResponse(
            s.Segment,
            s.Segment is null ? "Campaign audience" : segmentNames.GetValueOrDefault(s.Segment, s.Segment),
            s.Called,
            s.Answered,
            s.Interested,
            s.Neutral,
            s.NotInterested,
            s.Unknown)).ToList(),
        outcomes.TopConcerns,
        outcomes.FollowUps,
        outcomes.AnswerRateByHourAndWeekday,
        outcomes.AttemptsByHourAndWeekday,
        progress.SkippedByReason ?? new Dictionary<string, int>(),
        progress.AbandonRate,
        progress.PausedBy,
        progress.PausedReason,
        progress.FirstAudioAvgMs,
        experiment is null ? null : ExperimentReport.Of(experiment, progress.Experiment?.Tallies ?? [], progress.Experiment?.State ?? ExperimentState.Open),
        progress.AnswerForecast is { } forecast ? new LearnedTimingStatsResponse(forecast.Calls, forecast.ExpectedRate, forecast.ActualRate) : null);
}

/// <summary>
/// <c>learnedTiming</c>: over the calls learned timing placed with an estimate, the answer rate it expected (the mean
/// of the estimated chances) and the answer rate that came; null unless the campaign's timing is learned.
/// </summary>
public sealed record LearnedTimingStatsResponse(int Calls, double? ExpectedAnswerRate, double? AnswerRate);

public sealed record SegmentStatsResponse(string? Segment, string Name, int Called, int Answered, int Interested, int Neutral, int NotInterested, int Unknown);
