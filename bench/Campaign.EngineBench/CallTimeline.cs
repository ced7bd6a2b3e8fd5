using Campaign.Abstractions.Calls;

namespace Campaign.EngineBench;

/// <summary>What the stored call records say, independently of the dispatcher's own counters.</summary>
/// <param name="Calls">Records with a start and an end.</param>
/// <param name="PeakOverlap">The most [StartedAt, EndedAt] intervals open at one moment.</param>
/// <param name="Breaches">Call starts that took the overlap above the quota.</param>
/// <param name="MeanDuration">Mean EndedAt − StartedAt.</param>
/// <param name="BusyTime">Sum of all call durations (slot-seconds in use).</param>
/// <param name="FirstStart">Earliest StartedAt.</param>
/// <param name="LastEnd">Latest EndedAt.</param>
public sealed record CallTimeline(int Calls, int PeakOverlap, int Breaches, TimeSpan MeanDuration, TimeSpan BusyTime, DateTimeOffset FirstStart, DateTimeOffset LastEnd)
{
    public static CallTimeline Of(IReadOnlyCollection<CallRecord> records, int quota)
    {
        var timed = records.Where(r => r.StartedAt is not null && r.EndedAt is not null).ToList();
        if (timed.Count == 0)
        {
            return new CallTimeline(0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, default, default);
        }

        // At equal times an end comes before a start: a slot freed and reused in the same tick is not an overlap.
        var edges = timed.SelectMany(c => new[] { (At: c.StartedAt!.Value, Delta: 1), (At: c.EndedAt!.Value, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int live = 0, peak = 0, breaches = 0;
        foreach (var edge in edges)
        {
            live += edge.Delta;
            peak = Math.Max(peak, live);
            if (edge.Delta > 0 && live > quota)
            {
                breaches++;
            }
        }

        var busy = TimeSpan.FromTicks(timed.Sum(c => (c.EndedAt!.Value - c.StartedAt!.Value).Ticks));
        return new CallTimeline(
            timed.Count,
            peak,
            breaches,
            busy / timed.Count,
            busy,
            timed.Min(c => c.StartedAt!.Value),
            timed.Max(c => c.EndedAt!.Value));
    }
}
