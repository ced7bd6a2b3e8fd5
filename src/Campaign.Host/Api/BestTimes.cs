using System.Collections.Concurrent;
using System.Diagnostics;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;
using Campaign.Grains;
using Campaign.Grains.Compliance;

namespace Campaign.Host.Api;

/// <summary>One of a customer's best times to call, in their local time.</summary>
public sealed record BestTime(DayOfWeek Weekday, int Hour, double AnswerProbability);

/// <summary>
/// A customer's best times to call (<see cref="AnswerPropensity"/>): their own attempts in their local time, shrunk
/// toward their area's answer timing and everyone's. The priors are read from the call store at most every
/// <see cref="PriorMaxAge"/> of the engine's clock, so a profile read costs no scan, and never more often than every
/// <see cref="PriorMinRealInterval"/> of real time: on a simulated calendar hundreds of times faster than life, a scan
/// still costs real time.
/// </summary>
public sealed class BestTimes(InsightsQueries insights, [FromKeyedServices(EngineClock.Key)] TimeProvider clock) : IAnswerTimingPriors
{
    public const int Shown = 3;
    public static readonly TimeSpan PriorMaxAge = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan PriorMinRealInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, long ReadAt, Task<TimingGrid?> Grid)> _grids = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<BestTime>> ForAsync(CustomerView customer, CallingPlace place, CancellationToken cancellationToken)
    {
        var prior = await PriorAsync(customer.Profile.Area, cancellationToken);
        var zone = place.Zones.FirstOrDefault() is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        var estimate = AnswerPropensity.ForCustomer(customer.ContactHistory, zone, prior);
        return estimate.Best(Shown)
            .Select(b => new BestTime((DayOfWeek)((b.Day + 1) % 7), b.Hour, Math.Round(b.Probability, 3)))
            .ToList();
    }

    /// <summary>Everyone's answer timing and the area's, as the dialler's learned timing and the profile read them.</summary>
    public async Task<AnswerPropensity> PriorAsync(string? area, CancellationToken cancellationToken = default)
    {
        var everyone = await GridAsync("", cancellationToken) ?? new TimingGrid();
        var group = area is { Length: > 0 } key ? await GridAsync("area:" + key, cancellationToken) : null;
        return AnswerPropensity.Prior(everyone, group);
    }

    private Task<TimingGrid?> GridAsync(string segment, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entry = _grids.AddOrUpdate(
            segment,
            _ => (now, Stopwatch.GetTimestamp(), ReadAsync(segment, cancellationToken)),
            (_, old) => (now - old.At > PriorMaxAge && Stopwatch.GetElapsedTime(old.ReadAt) >= PriorMinRealInterval) || old.Grid.IsFaulted || old.Grid.IsCanceled
                ? (now, Stopwatch.GetTimestamp(), ReadAsync(segment, cancellationToken))
                : old);
        return entry.Grid;
    }

    private async Task<TimingGrid?> ReadAsync(string segment, CancellationToken cancellationToken) =>
        (await insights.TimingAsync(segment.Length == 0 ? null : segment, InsightsRange.All, cancellationToken))?.Grid;
}
