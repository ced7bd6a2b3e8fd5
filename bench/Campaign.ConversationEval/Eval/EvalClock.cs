namespace Campaign.ConversationEval.Eval;

/// <summary>A clock that stands still until moved, so "tomorrow at 3" always means the same instant.</summary>
public sealed class EvalClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}
