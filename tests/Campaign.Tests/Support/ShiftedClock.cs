namespace Campaign.Tests.Support;

/// <summary>Real time moved by an offset the test controls: time still flows (retries fall due) and can jump ahead.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock so that it reads <paramref name="instant"/> now.</summary>
    public void Set(DateTimeOffset instant) => Offset = instant - System.GetUtcNow();
}
