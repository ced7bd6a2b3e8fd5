namespace Campaign.OptOutPropagationBench;

/// <summary>Real time moved to a weekday morning in New York, so the calling hours are open whenever the bench runs.</summary>
public sealed class BenchClock : TimeProvider
{
    private readonly TimeSpan _offset = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero) - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
