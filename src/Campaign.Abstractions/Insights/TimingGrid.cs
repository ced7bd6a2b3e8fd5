namespace Campaign.Abstractions.Insights;

/// <summary>
/// Answer rate by the customer's local weekday (rows, Monday first) × hour (columns), as the campaign statistics count
/// it: a call placed counts in the weekday and hour its attempt started in the customer's time zone.
/// </summary>
public sealed class TimingGrid
{
    private readonly int[,] _calls = new int[7, 24];
    private readonly int[,] _answered = new int[7, 24];

    /// <summary>Calls placed that had a local weekday and hour.</summary>
    public int Calls { get; private set; }

    public void Add(InsightCall call)
    {
        if (!call.Placed || call.Weekday is not { } weekday || call.LocalHour is not { } hour || hour is < 0 or > 23)
        {
            return;
        }

        var day = ((int)weekday + 6) % 7; // DayOfWeek counts from Sunday; rows start on Monday
        Calls++;
        _calls[day, hour]++;
        _answered[day, hour] += call.Answered ? 1 : 0;
    }

    /// <summary>Calls placed in a cell (<paramref name="day"/> 0 is Monday).</summary>
    public int CallsAt(int day, int hour) => _calls[day, hour];

    /// <summary>Answered calls in a cell (<paramref name="day"/> 0 is Monday).</summary>
    public int AnsweredAt(int day, int hour) => _answered[day, hour];

    /// <summary>Seven rows (Monday first) of 24 cells, each the answer rate with its interval and the calls placed.</summary>
    public IReadOnlyList<IReadOnlyList<TimingCell>> AnswerRate() =>
        Enumerable.Range(0, 7).Select(d => (IReadOnlyList<TimingCell>)Enumerable.Range(0, 24)
            .Select(h => TimingCell.Of(_answered[d, h], _calls[d, h])).ToList()).ToList();
}

/// <summary>One weekday × hour cell: the answer rate with its 95% Wilson interval, and the calls placed.</summary>
public sealed record TimingCell(double? Value, double Low, double High, int Calls)
{
    public static TimingCell Of(int answered, int calls)
    {
        var rate = RateInterval.Wilson(answered, calls);
        return new TimingCell(rate.Value, rate.Low, rate.High, calls);
    }
}
