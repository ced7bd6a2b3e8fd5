using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Insights;

/// <summary>
/// What insights read of one stored call, from the store's columns (never the record or its transcript): who was
/// called, for which saved segment, when it started, how it went, and the customer's local weekday and hour.
/// </summary>
public sealed record InsightCall(
    string CustomerId,
    string? SegmentId,
    DateTimeOffset StartedAt,
    CallResult? Result,
    Interest? Interest,
    FollowUpKind? FollowUp,
    bool OptedOut,
    int? LocalHour,
    DayOfWeek? Weekday)
{
    /// <summary>A call placed: it has a result and was not cancelled by the campaign before anyone could answer.</summary>
    public bool Placed => Result is not null and not CallResult.Cancelled;

    public bool Answered => Result == CallResult.Answered;

    /// <summary>An answered call that asked for more information or a callback.</summary>
    public bool AskedForFollowUp => Answered && FollowUp is FollowUpKind.MoreInfo or FollowUpKind.Callback;
}
