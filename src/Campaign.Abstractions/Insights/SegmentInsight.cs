namespace Campaign.Abstractions.Insights;

/// <summary>
/// How a group's calls went: calls placed, answered, and the answer rate (over calls placed), interest, follow-up and
/// opt-out rates (over answered calls), each with its 95% Wilson interval, and the answer rate week by week.
/// </summary>
public sealed record SegmentInsight(
    InsightGroup Group,
    int Calls,
    int Answered,
    int Interested,
    int FollowUps,
    int OptedOut,
    RateInterval AnswerRate,
    RateInterval InterestRate,
    RateInterval FollowUpRate,
    RateInterval OptOutRate,
    IReadOnlyList<WeekInsight> Trend)
{
    public static SegmentInsight Of(InsightGroup group, InsightCounts counts) => new(
        group,
        counts.Calls,
        counts.Answered,
        counts.Interested,
        counts.FollowUps,
        counts.OptedOut,
        RateInterval.Wilson(counts.Answered, counts.Calls),
        RateInterval.Wilson(counts.Interested, counts.Answered),
        RateInterval.Wilson(counts.FollowUps, counts.Answered),
        RateInterval.Wilson(counts.OptedOut, counts.Answered),
        counts.Weeks.Select(w => new WeekInsight(w.Week, w.Calls, w.Answered, RateInterval.Wilson(w.Answered, w.Calls))).ToList());
}

/// <summary>A week's calls and answers (the week starts on <see cref="Week"/>, a Monday), with the answer rate.</summary>
public sealed record WeekInsight(DateOnly Week, int Calls, int Answered, RateInterval AnswerRate);
