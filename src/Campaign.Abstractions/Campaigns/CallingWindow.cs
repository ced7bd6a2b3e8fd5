namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// When a campaign may call, in each customer's local time: the days, and from <see cref="From"/> up to (not
/// including) <see cref="To"/>. <see cref="TimeZone"/> is used for customers whose time zone is unknown.
/// The legal calling hours always apply on top of it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallingWindow")]
public sealed record CallingWindow(
    [property: Id(0)] IReadOnlyList<DayOfWeek> Days,
    [property: Id(1)] TimeSpan From,
    [property: Id(2)] TimeSpan To,
    [property: Id(3)] string? TimeZone);
