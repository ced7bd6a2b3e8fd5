namespace Campaign.Grains.Campaigns;

/// <summary>
/// The watchdog of a campaign's calls in flight: every period each is asked to check itself, which ends a call lost
/// with its silo and reports again an end whose report did not get through. One sweep per campaign replaces a reminder
/// per call (two reminder-table writes a call). The campaign's own reminder and recovery cover the campaign's silo.
/// Runs on real time: a simulated calendar does not make silos fail faster.
/// </summary>
public sealed class CallSweep(TimeSpan period, TimeProvider clock)
{
    private readonly Dictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;

    /// <summary>The calls of <paramref name="live"/> due for a check now; the others wait their period from when first seen.</summary>
    public IReadOnlyList<string> Due(IReadOnlyCollection<string> live, Func<string, bool> isLive)
    {
        var now = clock.GetUtcNow();
        // A pass runs on every dispatch tick and call end; the table is walked at most a few times a period.
        if (now - _lastRun < period / 4)
        {
            return [];
        }

        _lastRun = now;
        foreach (var gone in _due.Keys.Where(id => !isLive(id)).ToList())
        {
            _due.Remove(gone);
        }

        var due = new List<string>();
        foreach (var callId in live)
        {
            if (!_due.TryGetValue(callId, out var at))
            {
                _due[callId] = now + period;
            }
            else if (at <= now)
            {
                due.Add(callId);
                _due[callId] = now + period;
            }
        }

        return due;
    }
}
