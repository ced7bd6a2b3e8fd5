using System.Diagnostics;

namespace Campaign.ImportMemoryBench;

/// <summary>
/// Samples another process's working set every 20 ms and keeps the highest value seen; on Linux also its private
/// (anonymous) part, which leaves out file pages such as the memory-mapped database.
/// </summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WorkingSetSampler(int processId)
    {
        _process = Process.GetProcessById(processId);
        Peak = Current();
        PeakPrivate = Private(processId);
        _loop = LoopAsync();
    }

    public long Peak { get; private set; }

    public long PeakPrivate { get; private set; }

    /// <summary>RssAnon from /proc (0 where there is none): the process's own memory, without mapped files.</summary>
    public static long Private(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

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
                PeakPrivate = Math.Max(PeakPrivate, Private(_process.Id));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
