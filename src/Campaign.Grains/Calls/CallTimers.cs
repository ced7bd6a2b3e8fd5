using Campaign.Abstractions.Calls;

namespace Campaign.Grains.Calls;

/// <summary>
/// A call's clocks: the deadline that hangs up at the maximum duration and the one-shot timer that settles an ended
/// call off the request path. The watchdog is the campaign's sweep (<c>CallSweep</c>), not a reminder of each call.
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

    /// <summary>Unregisters the watchdog reminder that calls placed by earlier versions registered for themselves.</summary>
    public async Task ForgetWatchdogReminderAsync()
    {
        if (await grain.GetReminder(WatchdogReminder) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    private static GrainTimerCreationOptions Once(TimeSpan due) => new() { DueTime = due, Period = Timeout.InfiniteTimeSpan };
}
