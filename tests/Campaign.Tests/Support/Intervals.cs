namespace Campaign.Tests.Support;

public static class Intervals
{
    /// <summary>The most [start, end] intervals that overlap at one moment (an interval ending as another starts does not).</summary>
    public static int MostAtOnce(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var edges = intervals.SelectMany(i => new[] { (At: i.Start, Delta: 1), (At: i.End, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int live = 0, most = 0;
        foreach (var edge in edges)
        {
            live += edge.Delta;
            most = Math.Max(most, live);
        }

        return most;
    }
}
