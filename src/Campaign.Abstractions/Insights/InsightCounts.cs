namespace Campaign.Abstractions.Insights;

/// <summary>
/// Calls placed, answered, interested, asking for follow-up and opting out, with calls and answers per week (weeks
/// start on Monday, by the call's start in UTC).
/// </summary>
public sealed class InsightCounts
{
    private readonly SortedDictionary<DateOnly, int[]> _weeks = [];

    public int Calls { get; private set; }

    public int Answered { get; private set; }

    public int Interested { get; private set; }

    public int FollowUps { get; private set; }

    public int OptedOut { get; private set; }

    /// <summary>Calls and answers by the Monday their week starts on, oldest first.</summary>
    public IEnumerable<(DateOnly Week, int Calls, int Answered)> Weeks => _weeks.Select(w => (w.Key, w.Value[0], w.Value[1]));

    public void Add(InsightCall call)
    {
        Calls++;
        var week = Week(WeekOf(call.StartedAt));
        week[0]++;
        if (!call.Answered)
        {
            return;
        }

        Answered++;
        week[1]++;
        Interested += call.Interest == Customers.Interest.Interested ? 1 : 0;
        FollowUps += call.AskedForFollowUp ? 1 : 0;
        OptedOut += call.OptedOut ? 1 : 0;
    }

    public void AddTo(InsightCounts total)
    {
        total.Calls += Calls;
        total.Answered += Answered;
        total.Interested += Interested;
        total.FollowUps += FollowUps;
        total.OptedOut += OptedOut;
        foreach (var (start, counts) in _weeks)
        {
            var week = total.Week(start);
            week[0] += counts[0];
            week[1] += counts[1];
        }
    }

    /// <summary>The Monday (UTC) of the week <paramref name="at"/> falls in.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private int[] Week(DateOnly start)
    {
        if (!_weeks.TryGetValue(start, out var counts))
        {
            _weeks[start] = counts = new int[2];
        }

        return counts;
    }
}
