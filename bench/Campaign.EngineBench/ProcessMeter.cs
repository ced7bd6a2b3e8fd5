using System.Diagnostics;

namespace Campaign.EngineBench;

/// <summary>Process CPU time over a phase, and the peak working set and managed heap sampled every 100 ms.</summary>
public sealed class ProcessMeter : IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);
    private readonly Process _self = Process.GetCurrentProcess();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _cpuAtStart;
    private readonly Task _sampler;
    private TimeSpan? _cpu;

    private ProcessMeter()
    {
        _cpuAtStart = CpuTime();
        Sample();
        _sampler = SampleAsync();
    }

    public long PeakWorkingSet { get; private set; }

    public long PeakManagedHeap { get; private set; }

    /// <summary>CPU time used by the process (all threads) since the meter started, or until <see cref="StopAsync"/>.</summary>
    public TimeSpan Cpu => _cpu ?? CpuTime() - _cpuAtStart;

    public static ProcessMeter Start() => new();

    public static long WorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    public async Task StopAsync()
    {
        if (_cpu is not null)
        {
            return;
        }

        _cpu = CpuTime() - _cpuAtStart;
        await _stop.CancelAsync();
        await _sampler;
        Sample();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _self.Dispose();
    }

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        _self.Refresh();
        PeakWorkingSet = Math.Max(PeakWorkingSet, _self.WorkingSet64);
        PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
    }
}
