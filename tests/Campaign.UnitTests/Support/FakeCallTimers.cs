using Campaign.Abstractions.Calls;
using Campaign.Grains.Calls;

namespace Campaign.UnitTests.Support;

/// <summary>A call's clocks in a test: what was armed, and the work left for "soon", run when the test says.</summary>
internal sealed class FakeCallTimers : ICallTimers
{
    private readonly Queue<Func<Task>> _soon = new();

    public DateTimeOffset? DeadlineFrom { get; private set; }

    public Func<Task>? HangUpAtDeadline { get; private set; }

    public int Pending => _soon.Count;

    public void ArmDeadline(DateTimeOffset startedAt, CallRequest? request, Func<Task> hangUp) =>
        (DeadlineFrom, HangUpAtDeadline) = (startedAt, hangUp);

    public void StopDeadline() => (DeadlineFrom, HangUpAtDeadline) = (null, null);

    public void Soon(Func<Task> work, TimeSpan delay = default) => _soon.Enqueue(work);

    /// <summary>Runs the work scheduled for soon, as the grain's timer would after the request.</summary>
    public async Task RunSoonAsync()
    {
        while (_soon.TryDequeue(out var work))
        {
            await work();
        }
    }
}
