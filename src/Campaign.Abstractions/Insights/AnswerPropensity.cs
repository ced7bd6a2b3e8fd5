using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Insights;

/// <summary>
/// The probability that a customer answers, by their local weekday (0 is Monday) × hour: a Bayesian estimate in three
/// levels, each a Beta-Binomial whose prior is the level above, worth a fixed number of pseudo-calls.
/// <list type="number">
/// <item>Everyone: each cell's answered / placed calls, shrunk toward everyone's rate at that hour on all days of its
/// kind (weekdays, weekend), itself shrunk toward the overall answer rate (each worth <see cref="EveryoneStrength"/> calls).</item>
/// <item>The customer's group (their area): each cell shrunk toward everyone's (worth <see cref="GroupStrength"/> calls).</item>
/// <item>The customer: their own attempts, each also counted a little in the neighbouring hours and at the same hour
/// on the other days of the same kind (weekdays, weekend), shrunk toward their group's (worth <see cref="CustomerStrength"/> calls).</item>
/// </list>
/// With no history a customer gets their group's pattern; a few attempts move it only where they were made; many
/// attempts converge on their own rates.
/// </summary>
public sealed class AnswerPropensity
{
    public const double EveryoneStrength = 10;
    public const double GroupStrength = 10;
    public const double CustomerStrength = 2;

    /// <summary>Weight of an attempt in the hour before and after it, same day.</summary>
    public const double NeighbourHourWeight = 0.5;

    /// <summary>Weight of an attempt at the same hour on each other day of the same kind.</summary>
    public const double SameHourOtherDayWeight = 0.25;

    private readonly double[,] _p;

    private AnswerPropensity(double[,] p) => _p = p;

    /// <summary>The probability of an answer in a cell (<paramref name="day"/> 0 is Monday).</summary>
    public double At(int day, int hour) => _p[day, hour];

    /// <summary>Everyone's estimate, and their group's when known: the prior for a customer.</summary>
    public static AnswerPropensity Prior(TimingGrid everyone, TimingGrid? group)
    {
        var calls = 0;
        var answered = 0;
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                calls += everyone.CallsAt(d, h);
                answered += everyone.AnsweredAt(d, h);
            }
        }

        var overall = (answered + 1.0) / (calls + 2.0);
        var sameKind = SameHourSameKind(everyone, overall);
        var p = Grid((d, h) => Shrink(everyone.AnsweredAt(d, h), everyone.CallsAt(d, h), sameKind[Kind(d), h], EveryoneStrength));
        return new AnswerPropensity(group is null ? p : Grid((d, h) => Shrink(group.AnsweredAt(d, h), group.CallsAt(d, h), p[d, h], GroupStrength)));
    }

    /// <summary>A customer's estimate from their own attempts (local weekday, 0 is Monday; local hour; answered) and a prior.</summary>
    public static AnswerPropensity ForCustomer(IEnumerable<(int Day, int Hour, bool Answered)> attempts, AnswerPropensity prior)
    {
        var calls = new double[7, 24];
        var answered = new double[7, 24];
        foreach (var (day, hour, yes) in attempts)
        {
            if (day is < 0 or > 6 || hour is < 0 or > 23)
            {
                continue;
            }

            foreach (var (d, h, weight) in Spread(day, hour))
            {
                calls[d, h] += weight;
                answered[d, h] += yes ? weight : 0;
            }
        }

        return new AnswerPropensity(Grid((d, h) => Shrink(answered[d, h], calls[d, h], prior._p[d, h], CustomerStrength)));
    }

    /// <summary>A customer's estimate from their contact history read in their time zone (cancelled attempts left out).</summary>
    public static AnswerPropensity ForCustomer(IEnumerable<ContactAttempt> history, TimeZoneInfo zone, AnswerPropensity prior) =>
        ForCustomer(
            history
                .Where(a => a.Result != CallResult.Cancelled)
                .Select(a => (Local: TimeZoneInfo.ConvertTime(a.At, zone), Answered: a.Result == CallResult.Answered))
                .Select(a => (DayIndex(a.Local.DayOfWeek), a.Local.Hour, a.Answered)),
            prior);

    /// <summary>The best cells first, among those <paramref name="allowed"/> (e.g. inside the lawful calling window).</summary>
    public IReadOnlyList<(int Day, int Hour, double Probability)> Best(int count, Func<int, int, bool>? allowed = null)
    {
        var cells = new List<(int Day, int Hour, double Probability)>(168);
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                if (allowed?.Invoke(d, h) ?? true)
                {
                    cells.Add((d, h, _p[d, h]));
                }
            }
        }

        return cells.OrderByDescending(c => c.Probability).ThenBy(c => c.Day).ThenBy(c => c.Hour).Take(count).ToList();
    }

    /// <summary>
    /// Everyone's answer rate at each hour of a weekday and of a weekend day, all such days pooled, shrunk toward the
    /// overall rate: the prior of a cell nobody was called in yet (people's weeks repeat).
    /// </summary>
    private static double[,] SameHourSameKind(TimingGrid everyone, double overall)
    {
        var rates = new double[2, 24];
        for (var kind = 0; kind < 2; kind++)
        {
            for (var h = 0; h < 24; h++)
            {
                var calls = 0;
                var answered = 0;
                for (var d = 0; d < 7; d++)
                {
                    if (Kind(d) == kind)
                    {
                        calls += everyone.CallsAt(d, h);
                        answered += everyone.AnsweredAt(d, h);
                    }
                }

                rates[kind, h] = Shrink(answered, calls, overall, EveryoneStrength);
            }
        }

        return rates;
    }

    /// <summary>0 for a weekday, 1 for Saturday and Sunday (days counted from Monday).</summary>
    private static int Kind(int day) => day >= 5 ? 1 : 0;

    /// <summary>Monday-first day index of a .NET weekday.</summary>
    public static int DayIndex(DayOfWeek weekday) => ((int)weekday + 6) % 7;

    private static double Shrink(double answered, double calls, double prior, double strength) =>
        (answered + (strength * prior)) / (calls + strength);

    private static double[,] Grid(Func<int, int, double> cell)
    {
        var grid = new double[7, 24];
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                grid[d, h] = cell(d, h);
            }
        }

        return grid;
    }

    private static IEnumerable<(int Day, int Hour, double Weight)> Spread(int day, int hour)
    {
        yield return (day, hour, 1);
        if (hour > 0)
        {
            yield return (day, hour - 1, NeighbourHourWeight);
        }

        if (hour < 23)
        {
            yield return (day, hour + 1, NeighbourHourWeight);
        }

        for (var other = 0; other < 7; other++)
        {
            if (other != day && Kind(other) == Kind(day))
            {
                yield return (other, hour, SameHourOtherDayWeight);
            }
        }
    }
}
