using Campaign.Abstractions.Campaigns;

namespace Campaign.Abstractions.Schedules;

/// <summary>
/// Runs <see cref="Campaign"/> by itself: once at <see cref="StartAt"/>, or at every occurrence of the cron expression
/// <see cref="Cron"/> in <see cref="TimeZone"/> from <see cref="StartAt"/> until <see cref="EndAt"/>. Each run is a new
/// campaign over a fresh snapshot of the audience; at <see cref="EndAt"/> runs still calling are stopped.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScheduleDefinition")]
public sealed record ScheduleDefinition(
    [property: Id(0)] CampaignDefinition Campaign,
    [property: Id(1)] string? Cron,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] DateTimeOffset? StartAt,
    [property: Id(4)] DateTimeOffset? EndAt);

[GenerateSerializer, Immutable, Alias("Campaign.ScheduleRun")]
public sealed record ScheduleRun([property: Id(0)] string CampaignId, [property: Id(1)] DateTimeOffset StartedAt, [property: Id(2)] string? Error);

[GenerateSerializer, Immutable, Alias("Campaign.ScheduleInfo")]
public sealed record ScheduleInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] ScheduleDefinition Definition,
    [property: Id(2)] IReadOnlyList<DateTimeOffset> NextRuns,
    [property: Id(3)] IReadOnlyList<ScheduleRun> Runs,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] bool Active);
