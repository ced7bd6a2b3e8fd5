using System.Diagnostics;

namespace Campaign.ImportMemoryBench;

/// <summary>Samples another process's working set every 20 ms and keeps the highest value seen.</summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WorkingSetSampler(int processId)
    {
        _process = Process.GetProcessById(processId);
        Peak = Current();
        _loop = LoopAsync();
    }

    public long Peak { get; private set; }

    public long Current()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _process.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Peak = Math.Max(Peak, Current());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
