using Azure.Data.Tables;
using Campaign.Bench;
using Campaign.Storage.AzureTables;
using Campaign.Storage.Sqlite;

// Import/preview load driver:
//   dotnet run -c Release --project bench/Campaign.Bench -- [customers] [database path]          (SQLite)
//   dotnet run -c Release --project bench/Campaign.Bench -- [customers] --azurite [preview runs] (Azure Tables on Azurite from tools/azurite)
var customers = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
if (args.Length > 1 && args[1] == "--azurite")
{
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    using var azurite = await BenchAzurite.StartAsync();
    var requests = new RequestCounter();
    var options = new TableClientOptions();
    options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerCall);
    var tables = new AzureTableSet(new TableServiceClient(azurite.ConnectionString, options), "bench");
    await ImportAndPreviewBenchmark.RunAsync(customers, new AzureCustomerDirectory(tables, TimeProvider.System), "Azure Tables on Azurite (in memory)", runs, imported =>
    {
        Console.WriteLine($"import requests: {requests.Total:N0} ({requests.Total * 1000.0 / imported:F1} per 1,000 rows)");
        foreach (var line in requests.Drain(imported))
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine($"import CPU: Azurite {azurite.CpuTime.TotalSeconds:F1} s, benchmark process {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s");
    });
    Console.WriteLine($"Azurite working set: {azurite.WorkingSetMegabytes:N0} MB");
}
else
{
    var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"campaign-bench-{Guid.NewGuid():N}.db");
    using var database = new SqliteDatabase(path);
    await ImportAndPreviewBenchmark.RunAsync(customers, new SqliteCustomerDirectory(database, TimeProvider.System), path, previewRuns: 20);
    Console.WriteLine($"database file: {new FileInfo(path).Length / (1024 * 1024):N0} MB");
}
