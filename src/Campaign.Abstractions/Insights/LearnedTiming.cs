namespace Campaign.Abstractions.Insights;

/// <summary>What the learned timing advises for a due customer now.</summary>
/// <param name="CallNow">Call now: this hour is one of their good hours within the hold.</param>
/// <param name="Priority">Among customers called now, the higher first: this hour's chance over the best one ahead.</param>
/// <param name="HoldUntil">When not called now, the start of their next good hour (inside the lawful window).</param>
/// <param name="Chance">The estimated chance that they answer now.</param>
public sealed record TimingAdvice(bool CallNow, double Priority, DateTimeOffset? HoldUntil, double? Chance = null);

/// <summary>
/// The dialler's use of a customer's <see cref="AnswerPropensity"/>, only ever among hours the law and the campaign
/// allow (<c>isOpen</c>): due customers are ranked by this hour's chance of an answer over their best open hour's in the
/// day ahead (or the hold, if longer); one whose chance now is below <see cref="GoodShare"/> of that best is held until
/// their first good hour when it comes within <c>maxHold</c>; a no-answer is tried again at the first good hour after
/// the policy's delay (within <c>maxHold</c>), not at a fixed time. Hours are whole local hours of the customer's zone.
/// </summary>
public static class LearnedTiming
{
    /// <summary>An hour is good when its chance is at least this share of the best hour's.</summary>
    public const double GoodShare = 0.8;

    /// <summary>How far ahead the best hour is looked for when ranking customers due now, whatever the hold.</summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromHours(24);

    /// <param name="hasRoom">
    /// Whether an hour can still take one more held customer (the campaign's lines are not yet booked full for it); a
    /// customer whose good hours within the hold are all full is called now instead of waiting for a line that will
    /// be busy. Every hour has room when null.
    /// </param>
    public static TimingAdvice Advise(
        AnswerPropensity propensity, TimeZoneInfo zone, DateTimeOffset now, TimeSpan maxHold, Func<DateTimeOffset, bool> isOpen, Func<DateTimeOffset, bool>? hasRoom = null)
    {
        var here = Chance(propensity, zone, now);
        var hours = OpenHoursAhead(zone, now, maxHold > Lookahead ? maxHold : Lookahead, isOpen).ToList();
        var best = hours.Select(h => Chance(propensity, zone, h)).DefaultIfEmpty(0).Max();
        var priority = best <= 0 ? 1 : Math.Min(1, here / best);
        if (best <= 0 || here >= GoodShare * best || !isOpen(now))
        {
            return new TimingAdvice(true, priority, null, here);
        }

        var next = hours.Where(h => h - now <= maxHold && Chance(propensity, zone, h) >= GoodShare * best && (hasRoom?.Invoke(h) ?? true))
            .Select(h => (DateTimeOffset?)h).FirstOrDefault();
        return next is { } until ? new TimingAdvice(false, priority, until, here) : new TimingAdvice(true, priority, null, here);
    }

    /// <summary>
    /// When to try again after an unanswered attempt: the first good open hour from <paramref name="earliest"/> on (the
    /// policy's delay after the attempt), judged against the best open hour in the <paramref name="maxHold"/> after it;
    /// <paramref name="earliest"/> itself when no hour is open then (the calling hours decide).
    /// </summary>
    public static DateTimeOffset NextGoodHour(AnswerPropensity propensity, TimeZoneInfo zone, DateTimeOffset earliest, TimeSpan maxHold, Func<DateTimeOffset, bool> isOpen)
    {
        var hours = OpenHoursAhead(zone, earliest, maxHold, isOpen).ToList();
        if (hours.Count == 0)
        {
            return earliest;
        }

        var best = hours.Max(h => Chance(propensity, zone, h));
        return hours.First(h => Chance(propensity, zone, h) >= GoodShare * best);
    }

    /// <summary>The chance of an answer at an instant, read in the customer's local weekday and hour.</summary>
    public static double Chance(AnswerPropensity propensity, TimeZoneInfo zone, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return propensity.At(AnswerPropensity.DayIndex(local.DayOfWeek), local.Hour);
    }

    /// <summary>
    /// <paramref name="from"/> when open, then the start of each later local hour up to <paramref name="span"/> ahead that
    /// is open.
    /// </summary>
    private static IEnumerable<DateTimeOffset> OpenHoursAhead(TimeZoneInfo zone, DateTimeOffset from, TimeSpan span, Func<DateTimeOffset, bool> isOpen)
    {
        if (isOpen(from))
        {
            yield return from;
        }

        var local = TimeZoneInfo.ConvertTime(from, zone);
        var hourStart = local.AddMinutes(-local.Minute).AddSeconds(-local.Second).AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond));
        for (var at = hourStart.AddHours(1); at - from <= span; at = at.AddHours(1))
        {
            if (isOpen(at))
            {
                yield return at;
            }
        }
    }
}
