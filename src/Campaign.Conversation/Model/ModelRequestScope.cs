namespace Campaign.Conversation.Model;

/// <summary>
/// The model request in progress on this async flow: the call it serves (named in fault log lines) and the end of the
/// turn's time budget, past which the model's resilience pipeline (<see cref="ModelResilience"/>) makes no further attempt. The agent enters a scope
/// around every request to the chat service; the HTTP handler reads it.
/// </summary>
public sealed class ModelRequestScope
{
    private static readonly AsyncLocal<ModelRequestScope?> Ambient = new();

    public ModelRequestScope(string? callId, TimeSpan budget, TimeProvider? time = null)
    {
        CallId = string.IsNullOrEmpty(callId) ? "-" : callId;
        Budget = budget;
        Deadline = (time ?? TimeProvider.System).GetUtcNow() + budget;
    }

    public static ModelRequestScope? Current => Ambient.Value;

    public string CallId { get; }

    public TimeSpan Budget { get; }

    /// <summary>When the turn's budget runs out, on the clock the retries wait with (real time, not the engine's).</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Makes this the current scope until the returned handle is disposed (or the async method returns).</summary>
    public Entered Enter()
    {
        var outer = Ambient.Value;
        Ambient.Value = this;
        return new Entered(outer);
    }

    public readonly struct Entered(ModelRequestScope? outer) : IDisposable
    {
        public void Dispose() => Ambient.Value = outer;
    }
}
