namespace Campaign.Abstractions.Calls;

/// <summary>
/// Where a text message stands. The order is the order of progress: a status only ever moves forward, and the last
/// three are final (a repeated or late report never moves it back).
/// </summary>
public enum TextStatus
{
    Queued,
    Sent,
    Delivered,
    Undelivered,
    Failed,
}

/// <summary>
/// A text message sent after a call: its stable id (one per call and purpose, so it is never sent twice), the number,
/// the latest status and when the text was handed to the provider (<see cref="At"/>) and last changed
/// (<see cref="StatusAt"/>); <see cref="Error"/> says why it failed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallText")]
public sealed record CallText(
    [property: Id(0)] string Id,
    [property: Id(1)] string To,
    [property: Id(2)] TextStatus Status,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? Body = null,
    [property: Id(5)] string? ProviderMessageId = null,
    [property: Id(6)] string? Error = null,
    [property: Id(7)] DateTimeOffset? StatusAt = null)
{
    private const string InfoSuffix = "-info";

    public static bool IsFinal(TextStatus status) => status >= TextStatus.Delivered;

    /// <summary>The id of a call's information text: one per call, so every retry names the same text.</summary>
    public static string InfoId(string callId) => callId + InfoSuffix;

    /// <summary>The call a text id belongs to; null when it is not one of ours.</summary>
    public static string? CallIdOf(string? textId) =>
        textId is { Length: > 5 } && textId.EndsWith(InfoSuffix, StringComparison.Ordinal) ? textId[..^InfoSuffix.Length] : null;

    /// <summary>The text after a provider's report; unchanged when the report does not move it forward.</summary>
    public CallText Advance(TextStatus status, string? error, DateTimeOffset at) =>
        IsFinal(Status) || status <= Status ? this : this with { Status = status, Error = error ?? Error, StatusAt = at };
}

/// <summary>A provider's report on a text: its new status and, for a failure, why.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.TextReport")]
public sealed record TextReport(
    [property: Id(0)] string TextId,
    [property: Id(1)] TextStatus Status,
    [property: Id(2)] string? Error = null);
