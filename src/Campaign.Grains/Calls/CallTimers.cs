using Campaign.Abstractions.Calls;

namespace Campaign.Grains.Calls;

/// <summary>
/// A call's clocks: the deadline that hangs up at the maximum duration, the one-shot timer that settles an ended call
/// off the request path, and the watchdog reminder that outlives the activation (and the silo).
/// </summary>
internal sealed class CallTimers(Grain grain, TimeProvider clock, CallOptions options) : ICallTimers
{
    private const string WatchdogReminder = "watchdog";
    private IGrainTimer? _deadline;
    private IGrainTimer? _settle;

    /// <summary>Hangs up with <paramref name="hangUp"/> when a call started at <paramref name="startedAt"/> reaches its limit.</summary>
    public void ArmDeadline(DateTimeOffset startedAt, CallRequest? request, Func<Task> hangUp)
    {
        var limit = options.RingTimeout + (request?.MaxDuration ?? options.MaxDuration);
        var due = startedAt + limit - clock.GetUtcNow();
        _deadline?.Dispose();
        _deadline = grain.RegisterGrainTimer(_ => hangUp(), Once(due < TimeSpan.Zero ? TimeSpan.Zero : due));
    }

    public void StopDeadline() => _deadline?.Dispose();

    /// <summary>Runs <paramref name="work"/> once, as soon as the current request is done (or after <paramref name="delay"/>).</summary>
    public void Soon(Func<Task> work, TimeSpan delay = default)
    {
        _settle?.Dispose();
        _settle = grain.RegisterGrainTimer(_ => work(), Once(delay));
    }

    public Task StartWatchdogAsync() =>
        grain.RegisterOrUpdateReminder(WatchdogReminder, options.WatchdogPeriod, options.WatchdogPeriod);

    public async Task StopWatchdogAsync()
    {
        if (await grain.GetReminder(WatchdogReminder) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    private static GrainTimerCreationOptions Once(TimeSpan due) => new() { DueTime = due, Period = Timeout.InfiniteTimeSpan };
}
