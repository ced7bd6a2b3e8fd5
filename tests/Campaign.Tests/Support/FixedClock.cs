namespace Campaign.Tests.Support;

/// <summary>A clock that always reads the same time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
