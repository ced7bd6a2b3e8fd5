using System.Diagnostics;
using Campaign.Abstractions.Campaigns;

namespace Campaign.EngineBench;

/// <summary>
/// The dashboard's read path at two sizes in one run: a campaign with 10 live calls and one with N, each read the way
/// the API, the pages and the live stream read it (the campaign grain's view: progress, statistics and the first 100
/// live calls; and a page of the live calls), timed over many reads. The target is the p99 ratio between the sizes.
/// </summary>
public static class ReadPathRun
{
    private const int Reads = 300;
    private const int Small = 10;
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    public static async Task<SummaryTable> RunAsync(BenchOptions options)
    {
        var small = await MeasureAsync(options, Small);
        var large = await MeasureAsync(options, options.LiveCalls);
        return new SummaryTable($"Read path: {Small} vs {options.LiveCalls:N0} live calls, {Reads} reads each (one grain call per read)")
            .Add($"View (stats + 100 live calls), {Small} live: p50 / p99", $"{SummaryTable.Milliseconds(small.View.P50)} / {SummaryTable.Milliseconds(small.View.P99)}")
            .Add($"View, {large.Live:N0} live: p50 / p99", $"{SummaryTable.Milliseconds(large.View.P50)} / {SummaryTable.Milliseconds(large.View.P99)}", "p99 < 50 ms")
            .Add("View p99 ratio", SummaryTable.Number(Ratio(large.View.P99, small.View.P99), "F2"), "≤ 2")
            .Add($"Live-call page (100), {Small} live: p50 / p99", $"{SummaryTable.Milliseconds(small.Page.P50)} / {SummaryTable.Milliseconds(small.Page.P99)}")
            .Add($"Live-call page (100), {large.Live:N0} live: p50 / p99", $"{SummaryTable.Milliseconds(large.Page.P50)} / {SummaryTable.Milliseconds(large.Page.P99)}", "p99 < 50 ms")
            .Add("Live-call page p99 ratio", SummaryTable.Number(Ratio(large.Page.P99, small.Page.P99), "F2"), "≤ 2")
            .Add("Load average (1 min) at end", MachineLoad.Now(), $"{Environment.ProcessorCount} cores");
    }

    private static double Ratio(TimeSpan a, TimeSpan b) => a.TotalMilliseconds / Math.Max(0.001, b.TotalMilliseconds);

    private static async Task<(int Live, Percentiles View, Percentiles Page)> MeasureAsync(BenchOptions options, int n)
    {
        var settings = SiloSettings.For(options, trunkCapacity: n, options.LiveDuration);
        await using var silo = await EngineSilo.StartAsync(settings);
        var area = $"ReadBench{n}";
        await BenchAudience.SeedAsync(silo.Directory, area, BenchAudience.DaytimeZone(), n);
        var campaign = silo.Grains.GetGrain<ICampaignGrain>($"bench-read-{n}");
        await campaign.CreateAsync(BenchAudience.Definition(area, n));
        var clock = Stopwatch.StartNew();
        await campaign.StartAsync();
        var (inFlight, _, _) = await LiveCallsRun.WaitForLiveCallsAsync(campaign, silo, n, options.LiveDuration - Margin, clock);
        Console.WriteLine($"  read path with {inFlight:N0} live calls");

        var request = new CampaignViewRequest();
        await campaign.GetViewAsync(request); // the statistics are counted from the store on first use
        var view = await TimeAsync(() => campaign.GetViewAsync(request));
        var page = await TimeAsync(() => campaign.GetLiveCallsAsync(0, 100));

        if ((await campaign.GetAsync())?.Status is CampaignStatus.Running or CampaignStatus.Paused)
        {
            await campaign.CancelAsync();
            await LiveCallsRun.WaitForDrainAsync(campaign, silo, TimeSpan.FromMinutes(5));
        }
        return (inFlight, view, page);
    }

    private static async Task<Percentiles> TimeAsync<T>(Func<Task<T>> read)
    {
        var times = new List<TimeSpan>(Reads);
        for (var i = 0; i < Reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await read();
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        times.Sort();
        return new Percentiles(times[Reads / 2], times[(int)(Reads * 0.99) - 1]);
    }

    private readonly record struct Percentiles(TimeSpan P50, TimeSpan P99);
}
