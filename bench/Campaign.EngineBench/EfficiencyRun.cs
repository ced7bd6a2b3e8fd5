using System.Diagnostics;
using Campaign.Abstractions.Campaigns;

namespace Campaign.EngineBench;

/// <summary>
/// Dispatch efficiency: N customers, one campaign at quota Q, every call answered at once and lasting exactly D.
/// A perfect dispatcher keeps all Q slots busy, so it needs ⌈N/Q⌉ × D; efficiency is that ideal over the makespan.
/// </summary>
public static class EfficiencyRun
{
    private const string Area = "EfficiencyBench";

    public static async Task<SummaryTable> RunAsync(BenchOptions options)
    {
        var n = options.Customers;
        var q = options.Quota;
        var d = options.Duration;
        var settings = SiloSettings.For(options, trunkCapacity: q, d);
        Console.WriteLine($"efficiency run: {n:N0} customers, quota {q}, call duration {d.TotalSeconds:0.###} s, {options.CallsPerSecond:0} calls/s");

        await using var silo = await EngineSilo.StartAsync(settings);
        var seeding = Stopwatch.StartNew();
        var zone = BenchAudience.DaytimeZone();
        await BenchAudience.SeedAsync(silo.Directory, Area, zone, n);
        Console.WriteLine($"  {n:N0} customers in time zone {zone} imported in {seeding.Elapsed.TotalSeconds:F1} s");

        var campaign = silo.Grains.GetGrain<ICampaignGrain>("bench-efficiency");
        await campaign.CreateAsync(BenchAudience.Definition(Area, q));
        var ideal = Math.Ceiling(n / (double)q) * d;
        var deadline = TimeSpan.FromTicks(ideal.Ticks * 3) + TimeSpan.FromMinutes(2);

        var loadAtStart = MachineLoad.Now();
        await using var meter = ProcessMeter.Start();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await campaign.StartAsync();
        var startCall = clock.Elapsed;
        var info = await WaitForEndAsync(campaign, clock, deadline);
        var observed = clock.Elapsed;
        await meter.StopAsync();

        var progress = await campaign.GetProgressAsync();
        var records = (await silo.Calls.ListAsync(campaign.GetPrimaryKeyString(), 0, (n * 2) + 100)).Items;
        var timeline = CallTimeline.Of(records, q);
        var makespan = info.EndedAt is { } ended ? ended - startedAt : observed;
        var efficiency = ideal / makespan;
        var idle = ((makespan * q) - timeline.BusyTime) / Math.Max(1, timeline.Calls);

        return new SummaryTable($"Dispatch efficiency: N = {n:N0}, Q = {q}, D = {d.TotalSeconds:0.###} s")
            .Add("Final status", $"{info.Status} ({progress.Finished:N0} of {progress.Audience:N0} finished, {progress.Results.GetValueOrDefault("answered"):N0} answered)")
            .Add("Ideal ⌈N/Q⌉ × D", SummaryTable.Seconds(ideal))
            .Add("Makespan (StartAsync → Completed)", SummaryTable.Seconds(makespan), $"≤ {SummaryTable.Seconds(ideal * 1.05)}")
            .Add("Dispatch efficiency (ideal ÷ makespan)", SummaryTable.Number(efficiency, "F3"), "≥ 0.95")
            .Add("Makespan ÷ ideal", SummaryTable.Number(1 / efficiency, "F3"), "≤ 1.05")
            .Add("StartAsync (audience snapshot) took", SummaryTable.Seconds(startCall))
            .Add("First call start → last call end", SummaryTable.Seconds(timeline.LastEnd - timeline.FirstStart))
            .Add("Mean call record duration (EndedAt − StartedAt)", SummaryTable.Milliseconds(timeline.MeanDuration), $"D = {SummaryTable.Milliseconds(d)}")
            .Add("Idle slot time per call ((Q × makespan − busy time) ÷ calls)", SummaryTable.Milliseconds(idle), "0 ms")
            .Add("Mean calls in flight (busy time ÷ makespan)", SummaryTable.Number(timeline.BusyTime / makespan, "F1"), $"Q = {q}")
            .Add("Peak in flight (campaign progress)", SummaryTable.Number(progress.PeakInFlight), $"≤ {q}")
            .Add("Peak in flight (call records overlap)", SummaryTable.Number(timeline.PeakOverlap), $"≤ {q}")
            .Add("Quota breaches (call starts with overlap > Q)", SummaryTable.Number(timeline.Breaches), "0")
            .Add("Call records", SummaryTable.Number(timeline.Calls), SummaryTable.Number(n))
            .Add("Process CPU time (campaign run)", $"{SummaryTable.Seconds(meter.Cpu)} ({SummaryTable.Number(meter.Cpu.TotalMilliseconds / Math.Max(1, timeline.Calls), "F2")} ms per call, {SummaryTable.Number(meter.Cpu / makespan, "F2")} cores)")
            .Add("Peak working set", SummaryTable.Megabytes(meter.PeakWorkingSet))
            .Add("Peak managed heap (sampled)", SummaryTable.Megabytes(meter.PeakManagedHeap))
            .Add("Load average (1 min) at start → end", $"{loadAtStart} → {MachineLoad.Now()}", $"{Environment.ProcessorCount} cores")
            .Add("Warnings logged", silo.Warnings.Summary(), "none");
    }

    private static async Task<CampaignInfo> WaitForEndAsync(ICampaignGrain campaign, Stopwatch clock, TimeSpan deadline)
    {
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var info = (await campaign.GetAsync())!;
            if (info.Status is CampaignStatus.Completed or CampaignStatus.Cancelled || clock.Elapsed > deadline)
            {
                return info;
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                var progress = await campaign.GetProgressAsync();
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F0} s: {progress.Finished:N0} finished, {progress.InFlight} in flight");
            }

            await Task.Delay(20);
        }
    }
}
