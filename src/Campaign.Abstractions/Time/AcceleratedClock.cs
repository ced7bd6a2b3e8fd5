namespace Campaign.Abstractions.Time;

/// <summary>A clock that runs <see cref="Speed"/> times faster than real time (the simulator's calendar).</summary>
public interface IAcceleratedClock
{
    double Speed { get; }
}

public static class AcceleratedClockExtensions
{
    /// <summary>
    /// The real time behind <paramref name="measured"/> on <paramref name="clock"/>: a latency (the agent's first audio
    /// after an answer) is real time even when the calendar runs faster.
    /// </summary>
    public static TimeSpan RealDuration(this TimeProvider clock, TimeSpan measured) =>
        clock is IAcceleratedClock accelerated ? measured / accelerated.Speed : measured;
}
