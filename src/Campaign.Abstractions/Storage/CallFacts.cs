using Campaign.Abstractions.Calls;

namespace Campaign.Abstractions.Storage;

/// <summary>
/// What the campaign statistics count of one ended call, as every store keeps it: the result, the segment, the
/// outcome's interest, follow-up and concerns, and the local weekday and hour the attempt started.
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
    public static CallFacts Of(CallRecord record) => new(
        record.Id,
        record.SegmentId,
        record.Result?.ToString(),
        record.Outcome?.Interest.ToString(),
        record.Outcome?.FollowUp.Kind.ToString(),
        record.LocalHour ?? record.Outcome?.LocalHour,
        record.LocalWeekday ?? record.Outcome?.Weekday,
        record.Outcome?.Concerns ?? [],
        record.Outcome?.ConcernQuotes);

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
