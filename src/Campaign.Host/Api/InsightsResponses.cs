using Campaign.Abstractions.Insights;

namespace Campaign.Host.Api;

/// <summary>
/// Groups of customers ranked best first by the answer rate's lower bound, over the calls started from <c>from</c> until
/// (before) <c>until</c>.
/// </summary>
public sealed record SegmentInsightsResponse(DateTimeOffset? From, DateTimeOffset? Until, int Calls, IReadOnlyList<SegmentInsightResponse> Items);

/// <summary>
/// One group: <c>kind</c> (segment, area, issueCategory, tag), <c>key</c>, <c>name</c>, calls placed and answered;
/// answer rate over calls placed; interest, follow-up and opt-out rates over answered calls; each with its 95% Wilson
/// interval; and the answer rate week by week.
/// </summary>
public sealed record SegmentInsightResponse(
    InsightKind Kind,
    string Key,
    string Name,
    int Calls,
    int Answered,
    RateInterval AnswerRate,
    RateInterval InterestRate,
    RateInterval OptOutRate,
    RateInterval FollowUpRate,
    int Interested,
    int FollowUps,
    int OptedOut,
    IReadOnlyList<WeekInsight> Trend)
{
    public static SegmentInsightResponse Of(SegmentInsight insight) => new(
        insight.Group.Kind,
        insight.Group.Key,
        insight.Group.Name,
        insight.Calls,
        insight.Answered,
        insight.AnswerRate,
        insight.InterestRate,
        insight.OptOutRate,
        insight.FollowUpRate,
        insight.Interested,
        insight.FollowUps,
        insight.OptedOut,
        insight.Trend);
}

/// <summary>
/// The answer rate by the customer's local weekday (rows, Monday first) × hour (columns) for one group or for every
/// call, each cell with its 95% Wilson interval and the calls placed.
/// </summary>
public sealed record TimingInsightsResponse(
    string? Segment,
    string? Name,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    int Calls,
    IReadOnlyList<IReadOnlyList<TimingCell>> AnswerRate);
