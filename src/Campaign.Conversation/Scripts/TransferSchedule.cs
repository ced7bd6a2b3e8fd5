using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Time;

namespace Campaign.Conversation.Scripts;

/// <summary>
/// A script's transfer hours, read: whether people take transfers at a moment, and when they next do. Parsing reports
/// problems by field (<c>transfer.hours.days[1]</c>, <c>transfer.hours.to</c>, <c>transfer.hours.timeZone</c>).
/// </summary>
public sealed class TransferSchedule
{
    private readonly IReadOnlySet<DayOfWeek> _days;
    private readonly TimeSpan _from;
    private readonly TimeSpan _to;
    private readonly TimeZoneInfo _zone;

    private TransferSchedule(IReadOnlySet<DayOfWeek> days, TimeSpan from, TimeSpan to, TimeZoneInfo zone) =>
        (_days, _from, _to, _zone) = (days, from, to, zone);

    /// <summary>The hours when people always answer (a transfer without hours).</summary>
    public static TransferSchedule Always { get; } = new(Enum.GetValues<DayOfWeek>().ToHashSet(), TimeSpan.Zero, TimeSpan.FromHours(24), TimeZoneInfo.Utc);

    /// <summary>The schedule of valid hours; null hours mean always. Invalid hours throw (validate first).</summary>
    public static TransferSchedule Of(TransferHours? hours)
    {
        if (hours is null)
        {
            return Always;
        }

        var errors = new List<ScriptValidationError>();
        var schedule = Parse(hours, errors);
        return schedule ?? throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(hours));
    }

    /// <summary>The schedule, or null with the problems added to <paramref name="errors"/>.</summary>
    public static TransferSchedule? Parse(TransferHours hours, List<ScriptValidationError> errors)
    {
        const string field = "transfer.hours";
        var before = errors.Count;
        var days = new HashSet<DayOfWeek>();
        foreach (var (day, i) in (hours.Days ?? []).Select((d, i) => (d, i)))
        {
            if (!WeekTimes.TryParseDay(day, out var parsed))
            {
                errors.Add(new ScriptValidationError($"{field}.days[{i}]", $"'{day}' is not a day of the week (monday … sunday)"));
                continue;
            }

            days.Add(parsed);
        }

        var from = Time(hours.From, $"{field}.from", errors);
        var to = Time(hours.To, $"{field}.to", errors);
        if (from is { } f && to is { } t && f >= t)
        {
            errors.Add(new ScriptValidationError($"{field}.to", $"must be after from ({hours.From}); hours do not run past midnight"));
        }

        if (!WeekTimes.TryFindIanaZone(hours.TimeZone, out var zone))
        {
            errors.Add(new ScriptValidationError($"{field}.timeZone", $"'{hours.TimeZone}' is not a known IANA time zone (e.g. Europe/Lisbon)"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new TransferSchedule(days.Count == 0 ? Enum.GetValues<DayOfWeek>().ToHashSet() : days, from!.Value, to!.Value, zone!);
    }

    /// <summary>Whether people take transfers at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        return _days.Contains(local.DayOfWeek) && local.TimeOfDay >= _from && local.TimeOfDay < _to;
    }

    /// <summary>The next moment people take transfers, from <paramref name="now"/> on (now itself when open).</summary>
    public DateTimeOffset NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return now;
        }

        var local = TimeZoneInfo.ConvertTime(now, _zone);
        for (var day = 0; day <= 7; day++)
        {
            var date = local.Date.AddDays(day);
            if (!_days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var opening = date + _from;
            var offset = _zone.GetUtcOffset(opening);
            var at = new DateTimeOffset(opening, offset);
            if (at > now)
            {
                return at;
            }
        }

        return now;
    }

    private static TimeSpan? Time(string? text, string field, List<ScriptValidationError> errors)
    {
        if (WeekTimes.TryParseTime(text, out var time))
        {
            return time;
        }

        errors.Add(new ScriptValidationError(field, $"'{text}' is not a time of day such as 09:00"));
        return null;
    }
}
