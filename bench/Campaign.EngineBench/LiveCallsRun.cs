using System.Diagnostics;
using Campaign.Abstractions.Campaigns;

namespace Campaign.EngineBench;

/// <summary>
/// Memory per live call: one campaign with quota and trunk capacity N and long calls, so N calls are live at once on
/// the silo. The managed heap after a full collection, minus a baseline taken before the campaign, over N.
/// </summary>
public static class LiveCallsRun
{
    private const string Area = "LiveBench";
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(5);

    public static async Task<SummaryTable> RunAsync(BenchOptions options)
    {
        var n = options.LiveCalls;
        var settings = SiloSettings.For(options, trunkCapacity: n, options.LiveDuration);
        Console.WriteLine($"live-calls run: {n:N0} calls at once, each {options.LiveDuration.TotalSeconds:0} s, {options.CallsPerSecond:0} calls/s");

        await using var silo = await EngineSilo.StartAsync(settings);
        var zone = BenchAudience.DaytimeZone();
        await BenchAudience.SeedAsync(silo.Directory, Area, zone, n);
        Console.WriteLine($"  {n:N0} customers in time zone {zone} imported");
        var campaign = silo.Grains.GetGrain<ICampaignGrain>("bench-live");
        await campaign.CreateAsync(BenchAudience.Definition(Area, n));

        var baselineHeap = GC.GetTotalMemory(forceFullCollection: true);
        var baselineWorkingSet = ProcessMeter.WorkingSet();
        var loadAtStart = MachineLoad.Now();
        await using var meter = ProcessMeter.Start();
        var clock = Stopwatch.StartNew();
        await campaign.StartAsync();
        var (inFlight, simulated, rampUp) = await WaitForLiveCallsAsync(campaign, silo, n, options.LiveDuration - Margin, clock);
        var rampCpu = meter.Cpu;

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var workingSet = ProcessMeter.WorkingSet();
        var live = Math.Max(1, Math.Min(inFlight, simulated));
        Console.WriteLine($"  {live:N0} live after {rampUp.TotalSeconds:F1} s: managed heap {SummaryTable.Megabytes(baselineHeap)} → {SummaryTable.Megabytes(heap)}, " +
            $"{SummaryTable.Kilobytes((heap - baselineHeap) / (double)live)} per call; working set {SummaryTable.Megabytes(baselineWorkingSet)} → {SummaryTable.Megabytes(workingSet)}");

        var cancelClock = Stopwatch.StartNew();
        await campaign.CancelAsync();
        var left = await WaitForDrainAsync(campaign, silo, DrainTimeout);
        var drain = cancelClock.Elapsed;
        await meter.StopAsync();

        return new SummaryTable($"Live calls: {n:N0} at once, D = {options.LiveDuration.TotalSeconds:0} s")
            .Add("Calls in flight (campaign progress)", SummaryTable.Number(inFlight), SummaryTable.Number(n))
            .Add("Calls live in the simulated telephony", SummaryTable.Number(simulated), SummaryTable.Number(n))
            .Add("Ramp-up (StartAsync → all live)", SummaryTable.Seconds(rampUp), $"≥ {SummaryTable.Number(n / options.CallsPerSecond, "F0")} s at {options.CallsPerSecond:0} calls/s")
            .Add("CPU during ramp-up", $"{SummaryTable.Seconds(rampCpu)} ({SummaryTable.Number(rampCpu.TotalMilliseconds / live, "F2")} ms per call started)")
            .Add("Managed heap: baseline → live", $"{SummaryTable.Megabytes(baselineHeap)} → {SummaryTable.Megabytes(heap)}")
            .Add("Managed heap per live call", SummaryTable.Kilobytes((heap - baselineHeap) / (double)live), "< 50 KB")
            .Add("Working set: baseline → live", $"{SummaryTable.Megabytes(baselineWorkingSet)} → {SummaryTable.Megabytes(workingSet)}")
            .Add("Working set per live call", SummaryTable.Kilobytes((workingSet - baselineWorkingSet) / (double)live))
            .Add("Peak working set / peak managed heap (sampled)", $"{SummaryTable.Megabytes(meter.PeakWorkingSet)} / {SummaryTable.Megabytes(meter.PeakManagedHeap)}")
            .Add("CancelAsync → every call ended and settled", left == 0 ? SummaryTable.Seconds(drain) : $"{left:N0} still in flight after {SummaryTable.Seconds(drain)}")
            .Add("Process CPU time (whole run)", SummaryTable.Seconds(meter.Cpu))
            .Add("Load average (1 min) at start → end", $"{loadAtStart} → {MachineLoad.Now()}", $"{Environment.ProcessorCount} cores")
            .Add("Warnings logged", silo.Warnings.Summary(), "none");
    }

    /// <summary>Waits until N calls are live, growth stalls, or the first calls are about to end.</summary>
    internal static async Task<(int InFlight, int Simulated, TimeSpan At)> WaitForLiveCallsAsync(
        ICampaignGrain campaign, EngineSilo silo, int target, TimeSpan limit, Stopwatch clock)
    {
        var best = (InFlight: 0, Simulated: 0, At: TimeSpan.Zero);
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var progress = await campaign.GetProgressAsync();
            var simulated = silo.Telephony.LiveCalls;
            if (progress.InFlight + simulated > best.InFlight + best.Simulated)
            {
                best = (progress.InFlight, simulated, clock.Elapsed);
            }

            if ((progress.InFlight >= target && simulated >= target) || clock.Elapsed > limit || clock.Elapsed - best.At > Stall)
            {
                return (progress.InFlight, simulated, best.At);
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F0} s: {progress.InFlight:N0} in flight, {simulated:N0} live in the telephony{Held(progress)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Why customers are not being called, when some are not: the campaign's status, skips by reason, waits.</summary>
    private static string Held(CampaignProgress progress) =>
        progress.InFlight > 0 ? "" :
        $" ({progress.Status}, {progress.Queued:N0} queued, {progress.WaitingForCallingHours:N0} waiting for calling hours, skipped: " +
        string.Join(", ", (progress.SkippedByReason ?? new Dictionary<string, int>()).Select(pair => $"{pair.Key} {pair.Value:N0}")) + ")";

    /// <summary>Waits until no call is in flight; returns how many still are.</summary>
    internal static async Task<int> WaitForDrainAsync(ICampaignGrain campaign, EngineSilo silo, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var progress = await campaign.GetProgressAsync();
            if ((progress.InFlight == 0 && silo.Telephony.LiveCalls == 0) || clock.Elapsed > timeout)
            {
                return progress.InFlight;
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  cancelling, {clock.Elapsed.TotalSeconds,4:F0} s: {progress.InFlight:N0} in flight, {silo.Telephony.LiveCalls:N0} live in the telephony");
            }

            await Task.Delay(250);
        }
    }
}
