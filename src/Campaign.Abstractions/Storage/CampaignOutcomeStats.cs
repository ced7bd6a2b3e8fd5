namespace Campaign.Abstractions.Storage;

/// <summary>What a campaign's calls found out, computed from the stored calls.</summary>
public sealed record CampaignOutcomeStats(
    IReadOnlyList<SegmentOutcome> BySegment,
    IReadOnlyList<ConcernCount> TopConcerns,
    FollowUpCounts FollowUps,
    IReadOnlyList<IReadOnlyList<double?>> AnswerRateByHourAndWeekday,
    IReadOnlyList<IReadOnlyList<int>> AttemptsByHourAndWeekday);

/// <summary>Calls of one segment (null: the campaign's own criteria) and the interest of those who answered.</summary>
public sealed record SegmentOutcome(string? Segment, int Called, int Answered, int Interested, int Neutral, int NotInterested, int Unknown);

public sealed record ConcernCount(string Concern, int Count);

public sealed record FollowUpCounts(int MoreInfo, int Callback, int LeaveAlone);
