using Campaign.Abstractions.Calls;

namespace Campaign.Abstractions.Storage;

/// <summary>
/// What the campaign statistics count of one ended call, as every store keeps it: the result, the segment, the
/// outcome's interest, follow-up and concerns, and the local weekday and hour the attempt started. Stores read them
/// from their columns; a settled call's come from its report.
/// </summary>
public sealed record CallFacts(
    string CallId,
    string? SegmentId,
    string? Result,
    string? Interest,
    string? FollowUp,
    int? LocalHour,
    DayOfWeek? Weekday,
    IReadOnlyList<string> Concerns,
    IReadOnlyList<ConcernQuote>? ConcernQuotes)
{
    public static CallFacts Of(CallReport report) => new(
        report.CallId,
        report.SegmentId,
        report.Result.ToString(),
        report.Outcome?.Interest.ToString(),
        report.Outcome?.FollowUp.Kind.ToString(),
        report.LocalHour ?? report.Outcome?.LocalHour,
        report.LocalWeekday ?? report.Outcome?.Weekday,
        report.Outcome?.Concerns ?? [],
        report.Outcome?.ConcernQuotes);
}
