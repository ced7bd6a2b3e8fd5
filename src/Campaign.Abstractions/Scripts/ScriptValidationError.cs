namespace Campaign.Abstractions.Scripts;

/// <summary>Why a script cannot be saved; <see cref="Field"/> names the part, e.g. <c>faq[1].answer</c>.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptValidationError")]
public sealed record ScriptValidationError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>A variable that renders blank for a given customer, e.g. an issue variable for a customer with no issues.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptBlankVariable")]
public sealed record ScriptBlankVariable(
    [property: Id(0)] string Field,
    [property: Id(1)] string Variable,
    [property: Id(2)] string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
