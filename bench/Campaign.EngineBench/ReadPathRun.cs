using System.Diagnostics;
using System.Text.Json;
using Campaign.Abstractions.Campaigns;

namespace Campaign.EngineBench;

/// <summary>
/// The dashboard's read path at two sizes in one run: on one silo, a campaign with 10 live calls and one with N, read
/// alternately (so that the machine's noise falls on both alike) the way the API, the pages and the live stream read
/// them: the campaign grain's view (progress, statistics and the first 100 live calls) and a page of the live calls,
/// each a single grain call, serialised to JSON as the API answers it. The target is the p99 ratio between the sizes.
/// </summary>
public static class ReadPathRun
{
    private const int Reads = 1_000;
    private const int Small = 10;
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<SummaryTable> RunAsync(BenchOptions options)
    {
        var n = options.LiveCalls;
        var settings = SiloSettings.For(options, trunkCapacity: n + Small, options.LiveDuration);
        await using var silo = await EngineSilo.StartAsync(settings);
        var zone = BenchAudience.DaytimeZone();
        var small = await StartAsync(silo, zone, "ReadSmall", Small);
        var large = await StartAsync(silo, zone, "ReadLarge", n);
        var clock = Stopwatch.StartNew();
        var (smallLive, _, _) = await LiveCallsRun.WaitForLiveCallsAsync(small, silo, Small, options.LiveDuration - Margin, clock);
        var (largeLive, _, _) = await LiveCallsRun.WaitForLiveCallsAsync(large, silo, n, options.LiveDuration - Margin, clock);
        Console.WriteLine($"  reading {smallLive:N0} and {largeLive:N0} live calls alternately");

        var request = new CampaignViewRequest();
        var collections = (Gen0: GC.CollectionCount(0), Gen2: GC.CollectionCount(2));
        var times = new Dictionary<string, List<TimeSpan>> { ["small view"] = [], ["large view"] = [], ["small page"] = [], ["large page"] = [] };
        for (var i = 0; i < Reads; i++)
        {
            times["small view"].Add(await TimeAsync(() => small.GetViewAsync(request)));
            times["large view"].Add(await TimeAsync(() => large.GetViewAsync(request)));
            times["small page"].Add(await TimeAsync(() => small.GetLiveCallsAsync(0, 100)));
            times["large page"].Add(await TimeAsync(() => large.GetLiveCallsAsync(0, 100)));
        }

        var loadAtEnd = MachineLoad.Now();
        var pauses = $"{GC.CollectionCount(0) - collections.Gen0:N0} (gen 2: {GC.CollectionCount(2) - collections.Gen2:N0})";
        foreach (var campaign in new[] { small, large })
        {
            if ((await campaign.GetAsync())?.Status is CampaignStatus.Running or CampaignStatus.Paused)
            {
                await campaign.CancelAsync();
            }
        }

        await LiveCallsRun.WaitForDrainAsync(large, silo, TimeSpan.FromMinutes(5));
        var (smallView, largeView) = (Percentiles.Of(times["small view"]), Percentiles.Of(times["large view"]));
        var (smallPage, largePage) = (Percentiles.Of(times["small page"]), Percentiles.Of(times["large page"]));
        return new SummaryTable($"Read path: {smallLive:N0} vs {largeLive:N0} live calls on one silo, {Reads:N0} reads of each, alternating (one grain call per read, JSON included)")
            .Add($"View (progress, stats, 100 live calls), {smallLive:N0} live: p50 / p99", smallView.Text)
            .Add($"View, {largeLive:N0} live: p50 / p99", largeView.Text, "p99 < 50 ms")
            .Add("View p99 ratio", SummaryTable.Number(Ratio(largeView.P99, smallView.P99), "F2"), "≤ 2")
            .Add($"Live-call page (100), {smallLive:N0} live: p50 / p99", smallPage.Text)
            .Add($"Live-call page (100), {largeLive:N0} live: p50 / p99", largePage.Text, "p99 < 50 ms")
            .Add("Live-call page p99 ratio", SummaryTable.Number(Ratio(largePage.P99, smallPage.P99), "F2"), "≤ 2")
            .Add("Grain calls per dashboard read", "1 (the campaign grain's view)", "constant")
            .Add("Garbage collections during the reads", pauses)
            .Add("Load average (1 min) at end of reads", loadAtEnd, $"{Environment.ProcessorCount} cores");
    }

    private static async Task<ICampaignGrain> StartAsync(EngineSilo silo, string zone, string area, int n)
    {
        await BenchAudience.SeedAsync(silo.Directory, area, zone, n);
        var campaign = silo.Grains.GetGrain<ICampaignGrain>($"bench-{area.ToLowerInvariant()}");
        await campaign.CreateAsync(BenchAudience.Definition(area, n));
        await campaign.StartAsync();
        await campaign.GetViewAsync(new CampaignViewRequest()); // the statistics are counted from the store on first use
        return campaign;
    }

    private static double Ratio(TimeSpan a, TimeSpan b) => a.TotalMilliseconds / Math.Max(0.001, b.TotalMilliseconds);

    private static async Task<TimeSpan> TimeAsync<T>(Func<Task<T>> read)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await read();
        _ = JsonSerializer.SerializeToUtf8Bytes(answer, Json);
        return Stopwatch.GetElapsedTime(started);
    }

    private readonly record struct Percentiles(TimeSpan P50, TimeSpan P99)
    {
        public string Text => $"{SummaryTable.Milliseconds(P50)} / {SummaryTable.Milliseconds(P99)}";

        public static Percentiles Of(List<TimeSpan> times)
        {
            times.Sort();
            return new Percentiles(times[times.Count / 2], times[(int)(times.Count * 0.99) - 1]);
        }
    }
}
