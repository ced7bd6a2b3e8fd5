namespace Campaign.Abstractions.Scripts;

/// <summary>
/// Where a call goes when the customer asks for a person: the number (E.164), the hours when people answer it (null:
/// always), and whether the person who answers first hears a short summary of the call (the whisper).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptTransfer")]
public sealed record ScriptTransfer(
    [property: Id(0)] string Number,
    [property: Id(1)] TransferHours? Hours = null,
    [property: Id(2)] bool Whisper = true);

/// <summary>
/// When people take transfers: the days (<c>monday</c> … <c>sunday</c>; none listed: every day), and from
/// <see cref="From"/> up to (not including) <see cref="To"/> (<c>HH:mm</c>) in <see cref="TimeZone"/> (IANA).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.TransferHours")]
public sealed record TransferHours(
    [property: Id(0)] IReadOnlyList<string> Days,
    [property: Id(1)] string From,
    [property: Id(2)] string To,
    [property: Id(3)] string TimeZone);
