namespace Campaign.Abstractions.Customers;

/// <summary>One change to the do-not-call list: a number added or removed, when, why and by whom.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.DoNotCallChange")]
public sealed record DoNotCallChange(
    [property: Id(0)] string Phone,
    [property: Id(1)] DoNotCallAction Action,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string Source,
    [property: Id(4)] DateTimeOffset At);

public enum DoNotCallAction
{
    Added,
    Removed,
}
