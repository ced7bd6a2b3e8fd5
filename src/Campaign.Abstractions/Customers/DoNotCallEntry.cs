namespace Campaign.Abstractions.Customers;

/// <summary>A phone number that must never be dialled, with why and who put it there.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.DoNotCallEntry")]
public sealed record DoNotCallEntry(
    [property: Id(0)] string Phone,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string Source,
    [property: Id(3)] DateTimeOffset At);
