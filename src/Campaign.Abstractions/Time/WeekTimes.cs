using System.Globalization;

namespace Campaign.Abstractions.Time;

/// <summary>
/// Days of the week and times of day as the API writes them (<c>monday</c>, <c>09:00</c>, <c>24:00</c> for the end of
/// the day), read alike for a campaign's calling window and a script's transfer hours.
/// </summary>
public static class WeekTimes
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>A day by its English name, any case; numbers are refused (they would read as enum values).</summary>
    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        day = default;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text.Trim(), ignoreCase: true, out day);
    }

    public static bool TryParseTime(string? text, out TimeSpan time)
    {
        time = default;
        if (text?.Trim() is not { } trimmed)
        {
            return false;
        }

        if (trimmed == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        if (TimeOnly.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = parsed.ToTimeSpan();
            return true;
        }

        return false;
    }

    /// <summary>A time zone by its IANA name.</summary>
    public static bool TryFindIanaZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone) && zone.HasIanaId;
    }
}
