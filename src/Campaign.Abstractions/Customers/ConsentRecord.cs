namespace Campaign.Abstractions.Customers;

/// <summary>The consent a person gave to be called: <see cref="ExpressWritten"/> also counts as <see cref="Express"/>.</summary>
public enum ConsentKind
{
    Express,
    ExpressWritten,
}

/// <summary>
/// One consent a customer gave: its kind, what it covers (<see cref="Scope"/>: empty or <c>all</c> for every call,
/// otherwise a campaign purpose such as <c>informational</c> or <c>marketing</c>), where it was captured and when, and
/// when it was revoked, if it was. A revoked consent no longer counts from <see cref="RevokedAt"/> on.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.ConsentRecord")]
public sealed record ConsentRecord(
    [property: Id(0)] ConsentKind Kind,
    [property: Id(1)] string? Scope,
    [property: Id(2)] string? Source,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] DateTimeOffset? RevokedAt = null);
