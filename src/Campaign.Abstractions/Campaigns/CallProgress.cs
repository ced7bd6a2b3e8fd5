using Campaign.Abstractions.Calls;

namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// A live call moved on (dialling, ringing, answered, voicemail): what the campaign's live-call table shows of it, so
/// the dashboard never reads the call grains.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallProgress")]
public sealed record CallProgress(
    [property: Id(0)] string CallId,
    [property: Id(1)] CallStatus Status,
    [property: Id(2)] DateTimeOffset? StartedAt,
    [property: Id(3)] DateTimeOffset? AnsweredAt,
    [property: Id(4)] string? CustomerName);
