namespace Campaign.Grains.Calls;

/// <summary>
/// Per silo: whether campaigns hosted here may place new calls, and how many calls this silo's call grains have placed
/// that have not ended. The host closes the gate when it starts to stop, then waits for the live calls to end.
/// </summary>
public sealed class DialGate
{
    private volatile bool _closed;
    private int _liveCalls;

    public bool IsOpen => !_closed;

    public int LiveCalls => Volatile.Read(ref _liveCalls);

    /// <summary>No new dial from now on; calls already placed go on.</summary>
    public void Close() => _closed = true;

    internal void CallPlaced() => Interlocked.Increment(ref _liveCalls);

    internal void CallEnded() => Interlocked.Decrement(ref _liveCalls);

    /// <summary>One call's place in <see cref="LiveCalls"/>: counted once when placed, uncounted once when it ends here.</summary>
    internal sealed class Ticket(DialGate gate)
    {
        private bool _counted;

        public void Placed()
        {
            if (!_counted)
            {
                _counted = true;
                gate.CallPlaced();
            }
        }

        public void Ended()
        {
            if (_counted)
            {
                _counted = false;
                gate.CallEnded();
            }
        }
    }
}
