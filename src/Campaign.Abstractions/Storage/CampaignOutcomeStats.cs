namespace Campaign.Abstractions.Storage;

/// <summary>What a campaign's calls found out, computed from the stored calls.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CampaignOutcomeStats")]
public sealed record CampaignOutcomeStats(
    [property: Id(0)] IReadOnlyList<SegmentOutcome> BySegment,
    [property: Id(1)] IReadOnlyList<ConcernCount> TopConcerns,
    [property: Id(2)] FollowUpCounts FollowUps,
    [property: Id(3)] IReadOnlyList<IReadOnlyList<double?>> AnswerRateByHourAndWeekday,
    [property: Id(4)] IReadOnlyList<IReadOnlyList<int>> AttemptsByHourAndWeekday);

/// <summary>Calls of one segment (null: the campaign's own criteria) and the interest of those who answered.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.SegmentOutcome")]
public sealed record SegmentOutcome(
    [property: Id(0)] string? Segment,
    [property: Id(1)] int Called,
    [property: Id(2)] int Answered,
    [property: Id(3)] int Interested,
    [property: Id(4)] int Neutral,
    [property: Id(5)] int NotInterested,
    [property: Id(6)] int Unknown);

/// <summary>
/// A concern topic, how many calls raised it and up to <see cref="MaxExamples"/> things callers actually said about it
/// (none for calls recorded before quotes were kept).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.ConcernCount")]
public sealed record ConcernCount([property: Id(0)] string Concern, [property: Id(1)] int Count, [property: Id(2)] IReadOnlyList<string> Examples)
{
    public const int MaxExamples = 3;
}

[GenerateSerializer, Immutable, Alias("Campaign.FollowUpCounts")]
public sealed record FollowUpCounts([property: Id(0)] int MoreInfo, [property: Id(1)] int Callback, [property: Id(2)] int LeaveAlone);
