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

/// <summary>
/// A concern topic, how many calls raised it and up to <see cref="MaxExamples"/> things callers actually said about it
/// (none for calls recorded before quotes were kept).
/// </summary>
public sealed record ConcernCount(string Concern, int Count, IReadOnlyList<string> Examples)
{
    public const int MaxExamples = 3;
}

public sealed record FollowUpCounts(int MoreInfo, int Callback, int LeaveAlone);
