using Campaign.Abstractions.Time;

namespace Campaign.Telephony.Simulator;

/// <summary>
/// A calendar that starts at <see cref="Start"/> and runs <see cref="Speed"/> times faster than <paramref name="real"/>:
/// at 2,400 a simulated week passes in about four minutes. As the engine's clock it moves calling hours, due times,
/// holds and call timestamps; its timers fire after the real share of their simulated delay.
/// </summary>
public sealed class SimulatedCalendar(DateTimeOffset start, double speed, TimeProvider real) : TimeProvider, IAcceleratedClock
{
    private readonly long _realStart = real.GetTimestamp();

    public DateTimeOffset Start { get; } = start;

    public double Speed { get; } = speed >= 1 && double.IsFinite(speed)
        ? speed
        : throw new ArgumentOutOfRangeException(nameof(speed), speed, "A simulated calendar runs at least as fast as real time.");

    public override DateTimeOffset GetUtcNow() => Start + Simulated(real.GetElapsedTime(_realStart));

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override long GetTimestamp() => _realStart + (long)((real.GetTimestamp() - _realStart) * Speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(real.CreateTimer(callback, state, Real(dueTime), Real(period)), this);

    /// <summary>The real time <paramref name="simulated"/> takes on this calendar.</summary>
    public TimeSpan Real(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks((long)(simulated.Ticks / Speed));

    private TimeSpan Simulated(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Speed));

    private sealed class ScaledTimer(ITimer inner, SimulatedCalendar calendar) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(calendar.Real(dueTime), calendar.Real(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
