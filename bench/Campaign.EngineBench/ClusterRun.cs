using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Abstractions.Calls;

namespace Campaign.EngineBench;

/// <summary>
/// Dispatch efficiency of one campaign on a cluster of host processes on Azurite, for one silo and for K silos at the
/// same total quota: N customers, quota Q, trunk capacity Q, every call answered at once and lasting exactly D.
/// Efficiency is ⌈N/Q⌉ × D over the makespan, as in <see cref="EfficiencyRun"/>.
/// </summary>
public static class ClusterRun
{
    private const string Area = "ClusterBench";
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public static async Task<SummaryTable> RunAsync(BenchOptions options)
    {
        var warm = options.Warmup > 0 ? $", after a warm-up campaign of {options.Warmup:N0} calls" : "";
        var table = new SummaryTable($"Cluster dispatch efficiency: N = {options.Customers:N0}, Q = {options.Quota}, D = {options.Duration.TotalSeconds:0.###} s, 1 silo vs {options.Silos} silos (host processes on Azurite{warm})");
        foreach (var silos in new[] { 1, options.Silos }.Distinct())
        {
            var result = await RunOnceAsync(options, silos);
            var label = silos == 1 ? "1 silo" : $"{silos} silos";
            table.Add($"{label}: final status", result.Status, "completed")
                .Add($"{label}: makespan (ideal {SummaryTable.Seconds(result.Ideal)})", SummaryTable.Seconds(result.Makespan))
                .Add($"{label}: dispatch efficiency", SummaryTable.Number(result.Ideal / result.Makespan, "F3"), "≥ 0.95")
                .Add($"{label}: peak in flight (campaign / call records overlap)", $"{result.PeakInFlight} / {result.Timeline.PeakOverlap}", $"≤ {options.Quota}")
                .Add($"{label}: quota breaches", SummaryTable.Number(result.Timeline.Breaches), "0")
                .Add($"{label}: idle slot time per call", SummaryTable.Milliseconds(((result.Makespan * options.Quota) - result.Timeline.BusyTime) / Math.Max(1, result.Timeline.Calls)))
                .Add($"{label}: call grains per silo (sampled mid-run)", result.Spread)
                .Add($"{label}: CPU of all silos", $"{SummaryTable.Seconds(result.Cpu)} ({SummaryTable.Number(result.Cpu.TotalMilliseconds / Math.Max(1, result.Timeline.Calls), "F2")} ms per call)")
                .Add($"{label}: call records", SummaryTable.Number(result.Timeline.Calls), SummaryTable.Number(options.Customers));
        }

        return table.Add("Load average (1 min) at the end", MachineLoad.Now(), $"{Environment.ProcessorCount} cores");
    }

    private sealed record Result(string Status, TimeSpan Ideal, TimeSpan Makespan, int PeakInFlight, CallTimeline Timeline, string Spread, TimeSpan Cpu);

    private static async Task<Result> RunOnceAsync(BenchOptions options, int silos)
    {
        var settings = SiloSettings.For(options, trunkCapacity: options.Quota, options.Duration);
        Console.WriteLine($"cluster run: {silos} silo(s), {options.Customers:N0} customers, quota {options.Quota}, call duration {options.Duration.TotalSeconds:0.###} s");
        await using var cluster = await HostCluster.StartAsync(silos, settings);
        if (options.Warmup > 0)
        {
            // Other customers (their own area and numbers), so that the measured campaign finds nobody already called.
            var warmup = await RunCampaignAsync(cluster, options, $"{Area}Warmup", options.Customers, options.Warmup, $"Cluster bench warm-up {silos}");
            Console.WriteLine($"  warm-up campaign of {options.Warmup:N0} calls {warmup.Status} in {warmup.Makespan.TotalSeconds:F1} s");
        }

        return await RunCampaignAsync(cluster, options, Area, 0, options.Customers, $"Cluster bench {silos}");
    }

    private static async Task<Result> RunCampaignAsync(HostCluster cluster, BenchOptions options, string area, int firstPhone, int customers, string name)
    {
        var api = cluster.Silos[0];

        // An informational call with an artificial voice needs the person's express consent (as BenchAudience gives).
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,consent.kind,consent.at\n");
        var zone = BenchAudience.DaytimeZone();
        for (var i = 0; i < customers; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{area}-{i:D6},Customer {i},{BenchAudience.Phone(firstPhone + i)},{area},{zone},electricity,express,2020-01-01\n");
        }

        (await api.PostAsync("/api/customers/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var created = await cluster.Silos[^1].PostAsJsonAsync("/api/campaigns", new
        {
            name,
            criteria = new { area = new[] { area } },
            maxConcurrentCalls = options.Quota,
            retryPolicy = new { maxAttempts = 1 },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var ideal = Math.Ceiling(customers / (double)options.Quota) * options.Duration;
        var cpuAtStart = cluster.SiloCpu;
        var clock = Stopwatch.StartNew();
        (await api.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();
        var spread = "";
        JsonElement campaign;
        while (true)
        {
            campaign = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
            if (campaign.GetProperty("status").GetString() is "completed" or "cancelled" || clock.Elapsed > (ideal * 3) + TimeSpan.FromMinutes(2))
            {
                break;
            }

            if (spread.Length == 0 && clock.Elapsed > ideal / 2)
            {
                spread = await SpreadAsync(api, cluster.SiloPorts);
            }

            // The makespan comes from the campaign's own timestamps, so the driver need not ask often; every request
            // is CPU of the silos it measures.
            await Task.Delay(PollEvery);
        }

        var cpu = cluster.SiloCpu - cpuAtStart;
        // A campaign that did not finish in time is measured up to now; its status says so.
        var makespan = Time(campaign, "endedAt") is { } ended && Time(campaign, "startedAt") is { } began ? ended - began : clock.Elapsed;
        var stats = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
        var records = new List<CallRecord>();
        for (var skip = 0; ; skip += 500)
        {
            var page = (await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?skip={skip}&take=500")).GetProperty("items").EnumerateArray().ToList();
            records.AddRange(page.Select(c => new CallRecord(
                c.GetProperty("id").GetString()!, id, c.GetProperty("customerId").GetString()!, null, c.GetProperty("attempt").GetInt32(),
                CallStatus.Ended, null, Time(c, "startedAt"), null, Time(c, "endedAt"), [], null, null)));
            if (page.Count < 500)
            {
                break;
            }
        }

        Console.WriteLine($"  {campaign.GetProperty("status").GetString()} in {makespan.TotalSeconds:F1} s (ideal {ideal.TotalSeconds:F1} s)");
        return new Result(campaign.GetProperty("status").GetString() ?? "", ideal, makespan, stats.GetProperty("peakInFlight").GetInt32(), CallTimeline.Of(records, options.Quota), spread, cpu);
    }

    private static DateTimeOffset? Time(JsonElement call, string name) =>
        call.GetProperty(name).ValueKind == JsonValueKind.String ? call.GetProperty(name).GetDateTimeOffset() : null;

    private static async Task<string> SpreadAsync(HttpClient api, IReadOnlyList<int> siloPorts)
    {
        var system = await api.GetFromJsonAsync<JsonElement>("/api/system");
        return string.Join(" / ", siloPorts.Select(port => system.GetProperty("silos").EnumerateArray()
            .Where(s => s.GetProperty("address").GetString()!.Contains($":{port}:", StringComparison.Ordinal))
            .Sum(s => s.GetProperty("activeGrains").TryGetProperty("CallGrain", out var n) ? n.GetInt32() : 0)));
    }
}
