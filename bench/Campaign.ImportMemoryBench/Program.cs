using System.Globalization;
using Campaign.ImportMemoryBench;

// Import memory: dotnet build -c Release src/Campaign.Host bench/Campaign.ImportMemoryBench
//   dotnet bench/Campaign.ImportMemoryBench/bin/Release/net10.0/Campaign.ImportMemoryBench.dll [--sizes 10,50,100] [--host path/Campaign.Host.dll]
var sizes = new[] { 10, 50, 100 };
string? hostDll = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--sizes" && i + 1 < args.Length)
    {
        sizes = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
    }
    else if (args[i] == "--host" && i + 1 < args.Length)
    {
        hostDll = Path.GetFullPath(args[++i]);
    }
    else
    {
        Console.Error.WriteLine("usage: [--sizes 10,50,100] (MB, 1 MB = 1,000,000 bytes) [--host path/Campaign.Host.dll]");
        return 2;
    }
}

hostDll ??= Path.Combine(RepositoryRoot(), "src", "Campaign.Host", "bin", "Release", "net10.0", "Campaign.Host.dll");
if (!File.Exists(hostDll))
{
    Console.Error.WriteLine($"Build the host first (dotnet build -c Release src/Campaign.Host): {hostDll} not found");
    return 2;
}

var files = Path.Combine(Path.GetTempPath(), "campaign-import-bench-files");
Directory.CreateDirectory(files);
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; host {hostDll}");
var results = new List<Measured>();
try
{
    foreach (var size in sizes)
    {
        var path = Path.Combine(files, $"customers-{size}mb.csv");
        var rows = CustomerCsvFile.Write(path, size * 1_000_000L);
        Console.WriteLine($"importing {size} MB ({rows:N0} rows)…");
        results.Add(await Scenario.ImportAsync(hostDll, $"import {size} MB", path, rows));
    }

    // Over the default 100 MiB limit (Import:MaxFileBytes = 104,857,600 bytes).
    var over = Path.Combine(files, "customers-105mb.csv");
    CustomerCsvFile.Write(over, 110_000_000);
    Console.WriteLine("sending 110 MB with Content-Length…");
    results.Add(await Scenario.OverLimitAsync(hostDll, "110 MB, Content-Length", over, chunked: false));
    Console.WriteLine("sending 110 MB chunked…");
    results.Add(await Scenario.OverLimitAsync(hostDll, "110 MB, chunked", over, chunked: true));
}
finally
{
    Directory.Delete(files, recursive: true);
}

Console.WriteLine();
Console.WriteLine("| upload | file | idle | peak | increase | increase ÷ file | private increase | settled after | time | rows/s | answer |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    var rate = r.Rows > 0 ? (r.Rows / r.Elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) : "–";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {Mb(r.FileBytes)} | {Mb(r.Idle)} | {Mb(r.Peak)} | {Mb(r.Increase)} | {(double)r.Increase / r.FileBytes:0.00}× | {Mb(r.PrivateIncrease)} | {Mb(r.After)} | {r.Elapsed.TotalSeconds:0.00} s | {rate} | {r.Answer} |"));
}

return 0;

// Working sets and files alike in MiB, so the ratio column reads directly.
static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MiB");

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Campaign.Orleans.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new DirectoryNotFoundException("Campaign.Orleans.sln not found above " + AppContext.BaseDirectory);
}
