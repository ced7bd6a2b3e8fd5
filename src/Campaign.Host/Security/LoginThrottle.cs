namespace Campaign.Host.Security;

/// <summary>
/// Counts failed admin sign-ins per user name and per remote address. Past the allowed failures each further one
/// locks that user name or address for twice as long as the last (from <see cref="LoginThrottleOptions.FirstLockout"/>
/// up to <see cref="LoginThrottleOptions.MaxLockout"/>); while locked, even the right password is refused. A successful
/// sign-in clears both counts.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, LoginThrottleOptions options)
{
    /// <summary>At most this many user names and addresses are tracked; past it the forgotten ones are dropped first.</summary>
    public const int MaxTracked = 10_000;

    private readonly Dictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset LastAt { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }

    /// <summary>How many user names and addresses are being counted now.</summary>
    public int Tracked
    {
        get
        {
            lock (_lock)
            {
                return _failures.Count;
            }
        }
    }

    /// <summary>How long the user name or address is still locked, or null when a sign-in may be tried.</summary>
    public TimeSpan? LockedFor(string? user, string? address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var until = Keys(user, address)
                .Select(key => _failures.TryGetValue(key.Key, out var failures) ? failures.LockedUntil : DateTimeOffset.MinValue)
                .Max();
            return until > now ? until - now : null;
        }
    }

    /// <summary>Counts a failed sign-in; answers the lockout it starts, or null when more tries are allowed.</summary>
    public TimeSpan? RecordFailure(string? user, string? address)
    {
        var now = clock.GetUtcNow();
        TimeSpan? lockout = null;
        lock (_lock)
        {
            if (_failures.Count >= MaxTracked)
            {
                Forget(now);
            }

            foreach (var (key, allowed) in Keys(user, address))
            {
                if (!_failures.TryGetValue(key, out var failures) || IsForgotten(failures, now))
                {
                    failures = new Failures();
                    _failures[key] = failures;
                }

                failures.Count++;
                failures.LastAt = now;
                if (failures.Count >= allowed)
                {
                    var duration = Lockout(failures.Count - allowed);
                    failures.LockedUntil = now + duration;
                    lockout = lockout is { } longer && longer > duration ? longer : duration;
                }
            }
        }

        return lockout;
    }

    public void RecordSuccess(string? user, string? address)
    {
        lock (_lock)
        {
            foreach (var (key, _) in Keys(user, address))
            {
                _failures.Remove(key);
            }
        }
    }

    private TimeSpan Lockout(int beyondAllowed)
    {
        var doublings = Math.Min(beyondAllowed, 30);
        var ticks = options.FirstLockout.Ticks * Math.Pow(2, doublings);
        return ticks >= options.MaxLockout.Ticks ? options.MaxLockout : TimeSpan.FromTicks((long)ticks);
    }

    private bool IsForgotten(Failures failures, DateTimeOffset now) =>
        failures.LockedUntil <= now && now - failures.LastAt >= options.ForgetAfter;

    private void Forget(DateTimeOffset now)
    {
        foreach (var key in _failures.Where(f => IsForgotten(f.Value, now)).Select(f => f.Key).ToList())
        {
            _failures.Remove(key);
        }

        // Still full of live entries (a flood of made-up user names): drop the oldest half rather than grow without end.
        if (_failures.Count >= MaxTracked)
        {
            foreach (var key in _failures.OrderBy(f => f.Value.LastAt).Take(_failures.Count / 2).Select(f => f.Key).ToList())
            {
                _failures.Remove(key);
            }
        }
    }

    private IEnumerable<(string Key, int Allowed)> Keys(string? user, string? address)
    {
        yield return ("user:" + (user?.Trim().ToLowerInvariant() ?? ""), options.MaxFailuresPerUser);
        if (!string.IsNullOrEmpty(address))
        {
            yield return ("address:" + address, options.MaxFailuresPerAddress);
        }
    }
}
