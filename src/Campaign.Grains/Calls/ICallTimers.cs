using Campaign.Abstractions.Calls;

namespace Campaign.Grains.Calls;

/// <summary>The clocks of one call, as its parts use them; <see cref="CallTimers"/> keeps them on the grain.</summary>
internal interface ICallTimers
{
    /// <summary>Hangs up with <paramref name="hangUp"/> when a call started at <paramref name="startedAt"/> reaches its limit.</summary>
    void ArmDeadline(DateTimeOffset startedAt, CallRequest? request, Func<Task> hangUp);

    void StopDeadline();

    /// <summary>Runs <paramref name="work"/> once, as soon as the current request is done (or after <paramref name="delay"/>).</summary>
    void Soon(Func<Task> work, TimeSpan delay = default);
}
