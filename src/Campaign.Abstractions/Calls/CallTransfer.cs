namespace Campaign.Abstractions.Calls;

/// <summary>
/// The call handed to a person: the number dialled, how it went, when it was asked for (<see cref="At"/>), who took it
/// (the answering party as the provider names it), and when the person's leg was connected and ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallTransfer")]
public sealed record CallTransfer(
    [property: Id(0)] string Number,
    [property: Id(1)] TransferResult Result,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? TakenBy = null,
    [property: Id(4)] DateTimeOffset? ConnectedAt = null,
    [property: Id(5)] DateTimeOffset? EndedAt = null)
{
    /// <summary>How long the person talked to the customer, once the transferred leg ended.</summary>
    public int? DurationSeconds => ConnectedAt is { } connected && EndedAt is { } ended && ended >= connected
        ? (int)Math.Round((ended - connected).TotalSeconds)
        : null;
}

public enum TransferResult
{
    /// <summary>Asked of the provider; no answer from the person's line yet.</summary>
    Pending,

    /// <summary>A person answered and was connected to the customer.</summary>
    Connected,

    NoAnswer,

    Busy,

    Failed,
}
