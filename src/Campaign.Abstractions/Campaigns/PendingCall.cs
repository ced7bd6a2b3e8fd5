namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// A customer the campaign has still to call: the attempt it will be, when it falls due, why it waits and the first
/// moment it may be dialled (the due time, or when the customer's calling hours open; null when they do not open
/// within a week).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.PendingCall")]
public sealed record PendingCall(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string? SegmentId,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] PendingReason Reason,
    [property: Id(5)] DateTimeOffset? CallableFrom);

public enum PendingReason
{
    /// <summary>Due and within calling hours: dialled as soon as a line is free.</summary>
    NextInLine,

    /// <summary>A retry, waiting for its time.</summary>
    Retry,

    /// <summary>Due, but outside the customer's calling hours.</summary>
    CallingHours,

    /// <summary>Held by learned timing until an hour the customer is more likely to answer.</summary>
    BetterTime,
}
