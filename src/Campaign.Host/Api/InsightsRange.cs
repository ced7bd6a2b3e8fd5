using System.Globalization;

namespace Campaign.Host.Api;

/// <summary>
/// Which calls insights count, by their start: <c>from</c> and <c>to</c> as ISO dates (a whole day, UTC) or instants,
/// both inclusive, either left out. <see cref="Until"/> is the first moment after the range.
/// </summary>
public sealed record InsightsRange(DateTimeOffset? From, DateTimeOffset? Until)
{
    public static InsightsRange All { get; } = new(null, null);

    /// <summary>The range the parameters say, or the problem naming the parameter at fault.</summary>
    public static (InsightsRange? Range, string? Error, string? Field) Parse(string? from, string? to)
    {
        DateTimeOffset? start = null;
        DateTimeOffset? until = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (Read(from) is not { } value)
            {
                return (null, "from must be an ISO 8601 date (2026-11-30) or instant (2026-11-30T09:00:00Z)", "from");
            }

            start = value.At;
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (Read(to) is not { } value)
            {
                return (null, "to must be an ISO 8601 date (2026-11-30) or instant (2026-11-30T09:00:00Z)", "to");
            }

            until = value.IsDate ? value.At.AddDays(1) : value.At.AddMilliseconds(1);
        }

        if (start is { } s && until is { } u && s >= u)
        {
            return (null, "from must not be after to", "from");
        }

        return (new InsightsRange(start, until), null, null);
    }

    private static (DateTimeOffset At, bool IsDate)? Read(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true);
        }

        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? (at, false)
            : null;
    }
}
