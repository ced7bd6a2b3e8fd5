using Campaign.Abstractions.Campaigns;

namespace Campaign.Grains.Campaigns;

/// <summary>A campaign's daily limits on calls and minutes, counted from midnight in the campaign's time zone.</summary>
public static class DailyBudget
{
    public static bool IsLimited(CampaignDefinition definition) => definition.MaxCallsPerDay is not null || definition.MaxMinutesPerDay is not null;

    /// <summary>When today began in <paramref name="zone"/>.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return new DateTimeOffset(local.Date, local.Offset);
    }

    /// <summary>How many more calls today allows; live calls count as made, and a spent minute budget allows none.</summary>
    public static int CallsLeft(CampaignDefinition definition, int callsToday, double minutesToday, int live)
    {
        if (definition.MaxMinutesPerDay is { } maxMinutes && minutesToday >= maxMinutes)
        {
            return 0;
        }

        return definition.MaxCallsPerDay is { } maxCalls ? Math.Max(0, maxCalls - callsToday - live) : int.MaxValue;
    }
}
