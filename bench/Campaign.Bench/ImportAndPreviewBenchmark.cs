using System.Diagnostics;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Customers.Import;

namespace Campaign.Bench;

/// <summary>
/// Imports N generated customers through the real pipeline (CSV parse, validation, E.164, store batches) in files of
/// 100,000 rows, then previews segments over them. Reports rows/s, preview latency and peak memory.
/// </summary>
internal static class ImportAndPreviewBenchmark
{
    private const int FileRows = 100_000;

    public static async Task RunAsync(int customers, ICustomerDirectory directory, string where, int previewRuns, Action<int>? afterImport = null)
    {
        var now = DateTimeOffset.UtcNow;
        var importer = new CustomerImporter(directory, new CustomerValidator(new PhoneNormalizer("US")));

        Console.WriteLine($"Importing {customers:N0} customers into {where}");
        var imported = 0;
        var importClock = Stopwatch.StartNew();
        for (var start = 0; start < customers; start += FileRows)
        {
            var file = GeneratedCustomersCsv.Chunk(start, Math.Min(FileRows, customers - start), now);
            using var stream = new MemoryStream(file);
            var result = await importer.ImportCsvAsync(stream);
            if (result.RejectedTotal > 0)
            {
                throw new InvalidOperationException($"{result.RejectedTotal} rows rejected, first: {result.Rejected[0]}");
            }

            imported += result.Imported + result.Updated;
            Console.WriteLine($"  {imported:N0} rows after {importClock.Elapsed.TotalSeconds:F0} s");
        }

        importClock.Stop();
        var rate = imported / importClock.Elapsed.TotalSeconds;
        Console.WriteLine($"import: {imported:N0} rows in {importClock.Elapsed.TotalSeconds:F1} s = {rate:N0} rows/s");
        afterImport?.Invoke(imported);

        var previews = new (string Name, string Criteria)[]
        {
            ("area", """{ "area": ["Riverside"] }"""),
            ("issue within 30 days", """{ "issueCategory": "electricity", "withinDays": 30 }"""),
            ("area AND issue", """{ "all": [ { "area": ["Riverside", "Oakwood"] }, { "issueCategory": "water", "withinDays": 90 } ] }"""),
            ("tag AND attribute", """{ "all": [ { "tag": "vip" }, { "attribute": { "name": "plan", "equals": "premium" } } ] }"""),
            ("never contacted, not area", """{ "all": [ { "contact": "neverContacted" }, { "not": { "area": ["Riverside"] } } ] }"""),
        };
        foreach (var (name, json) in previews)
        {
            var criteria = SegmentCriteriaParser.Parse(json);
            var timings = new List<double>();
            var count = 0;
            for (var run = 0; run < previewRuns; run++)
            {
                var clock = Stopwatch.StartNew();
                var page = await directory.QueryAsync(criteria, 0, 10);
                clock.Stop();
                count = page.Total;
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine($"preview '{name}': count {count:N0}, p50 {timings[timings.Count / 2]:F1} ms, max {timings[^1]:F1} ms");
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"peak working set of the benchmark process: {self.PeakWorkingSet64 / (1024 * 1024):N0} MB");
    }
}
