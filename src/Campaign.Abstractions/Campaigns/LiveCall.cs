using Campaign.Abstractions.Calls;

namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// A call of a campaign that is live now: placed and not yet reported ended, as its last progress notice left it.
/// <see cref="Since"/> is when the attempt started; <see cref="CustomerName"/> is null until the call's first notice.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.LiveCall")]
public sealed record LiveCall(
    [property: Id(0)] string CallId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string? SegmentId,
    [property: Id(3)] int Attempt,
    [property: Id(4)] DateTimeOffset Since,
    [property: Id(5)] CallStatus Status = CallStatus.Dialing,
    [property: Id(6)] DateTimeOffset? AnsweredAt = null,
    [property: Id(7)] string? CustomerName = null);

/// <summary>A page of the live calls, oldest first, and how many there are in all.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.LiveCallPage")]
public sealed record LiveCallPage([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<LiveCall> Items);
