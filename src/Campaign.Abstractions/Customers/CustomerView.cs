namespace Campaign.Abstractions.Customers;

/// <summary>A customer's profile together with what the system knows about contacting them.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CustomerView")]
public sealed record CustomerView(
    [property: Id(0)] CustomerProfile Profile,
    [property: Id(1)] bool DoNotCall,
    [property: Id(2)] IReadOnlyList<ContactAttempt> ContactHistory);
