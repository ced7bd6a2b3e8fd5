using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;

namespace Campaign.Host.Api;

/// <summary>A call in flight as the dashboard lists it: who, in what state, for how long (engine clock).</summary>
public sealed record LiveCallResponse(
    string CallId,
    string CustomerId,
    string? CustomerName,
    string? SegmentId,
    int Attempt,
    CallStatus State,
    DateTimeOffset Since,
    DateTimeOffset? AnsweredAt,
    int ElapsedSeconds)
{
    public static LiveCallResponse From(LiveCall call, DateTimeOffset now) => new(
        call.CallId, call.CustomerId, call.CustomerName, call.SegmentId, call.Attempt, call.Status, call.Since, call.AnsweredAt,
        (int)Math.Max(0, (now - call.Since).TotalSeconds));
}
