using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Schedules;
using Cronos;

namespace Campaign.Grains.Schedules;

/// <summary>When a schedule fires: cron occurrences in its time zone (daylight saving included), bounded by start and end.</summary>
public static class ScheduleOccurrences
{
    /// <summary>Checks the definition; throws <see cref="CampaignException"/> naming the field.</summary>
    public static void Validate(ScheduleDefinition definition)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(definition.TimeZone, out _))
        {
            throw new CampaignException($"'{definition.TimeZone}' is not a known IANA time zone", "timeZone");
        }

        if (definition.Cron is null && definition.StartAt is null)
        {
            throw new CampaignException("give a cron expression, a startAt time, or both", "cron");
        }

        if (definition.Cron is { } cron)
        {
            try
            {
                CronExpression.Parse(cron);
            }
            catch (CronFormatException ex)
            {
                throw new CampaignException($"'{cron}' is not a cron expression (minute hour day month weekday, e.g. '0 9 * * MON'): {ex.Message}", "cron");
            }
        }

        if (definition.EndAt is { } end && definition.StartAt is { } start && end <= start)
        {
            throw new CampaignException("endAt must be after startAt", "endAt");
        }
    }

    /// <summary>The next <paramref name="count"/> instants after <paramref name="after"/> (exclusive).</summary>
    public static IReadOnlyList<DateTimeOffset> Next(ScheduleDefinition definition, DateTimeOffset after, int count)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
        var runs = new List<DateTimeOffset>();
        if (definition.Cron is null)
        {
            if (definition.StartAt is { } once && once > after)
            {
                runs.Add(once);
            }

            return runs;
        }

        var expression = CronExpression.Parse(definition.Cron);
        var from = definition.StartAt is { } start && start > after ? start.AddTicks(-1) : after;
        while (runs.Count < count)
        {
            var next = expression.GetNextOccurrence(from.UtcDateTime, zone);
            if (next is null || (definition.EndAt is { } end && next.Value >= end))
            {
                break;
            }

            runs.Add(new DateTimeOffset(next.Value, TimeSpan.Zero));
            from = runs[^1];
        }

        return runs;
    }
}
