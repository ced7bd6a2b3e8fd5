using System.Globalization;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Offline;

/// <summary>
/// A callback time as the agent reads it back: the moment the call will be made, said as a day and an hour in the
/// customer's time zone ("today at 3 pm", "tomorrow at 10 am", "on Thursday at 9:30 am", "on Monday 14 December at
/// 11 am"), not the customer's own words repeated ("thursday at 10", "today. tomorrow morning, at 8").
/// </summary>
public static class CallbackReadBack
{
    /// <summary>The moment <paramref name="phrase"/> names, said back; the phrase itself when it names none.</summary>
    public static string Of(string phrase, DateTimeOffset now, TimeZoneInfo zone) =>
        CallbackTimeParser.Resolve(phrase, now, zone) is { } time ? Say(time.At, now, zone) : phrase;

    public static string Say(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var days = (local.Date - TimeZoneInfo.ConvertTime(now, zone).Date).Days;
        var day = days switch
        {
            <= 0 => "today",
            1 => "tomorrow",
            < 7 => "on " + local.ToString("dddd", CultureInfo.InvariantCulture),
            _ => "on " + local.ToString("dddd d MMMM", CultureInfo.InvariantCulture),
        };
        return $"{day} {Hour(local)}";
    }

    private static string Hour(DateTime local) => (local.Hour, local.Minute) switch
    {
        (12, 0) => "at noon",
        (0, 0) => "at midnight",
        var (hour, minute) => string.Create(
            CultureInfo.InvariantCulture,
            $"at {(hour % 12 == 0 ? 12 : hour % 12)}{(minute == 0 ? "" : $":{minute:00}")} {(hour < 12 ? "am" : "pm")}"),
    };
}
