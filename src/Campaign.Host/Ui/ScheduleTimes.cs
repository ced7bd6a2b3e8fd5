using System.Globalization;

namespace Campaign.Host.Ui;

/// <summary>Schedule times as people read them: in the schedule's own time zone.</summary>
public static class ScheduleTimes
{
    public static readonly string[] CommonZones =
    [
        "UTC", "Europe/Lisbon", "Europe/London", "Europe/Madrid", "Europe/Berlin", "America/New_York", "America/Chicago",
        "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Tokyo", "Australia/Sydney",
    ];

    public static string InZone(DateTimeOffset instant, string timeZone)
    {
        try
        {
            var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
            return local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + timeZone;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return instant.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        }
    }
}
