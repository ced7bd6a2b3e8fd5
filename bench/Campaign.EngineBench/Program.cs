using System.Runtime;
using Campaign.EngineBench;

// Campaign engine load driver: dotnet run -c Release --project bench/Campaign.EngineBench -- [--run efficiency|live|both|cluster] ...
BenchOptions? options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options is null)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

Console.WriteLine($"{Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, .NET {Environment.Version}");
var tables = new List<SummaryTable>();
if (options.Run is BenchRun.Efficiency or BenchRun.Both)
{
    tables.Add(await EfficiencyRun.RunAsync(options));
}

if (options.Run is BenchRun.Live or BenchRun.Both)
{
    tables.Add(await LiveCallsRun.RunAsync(options));
}

if (options.Run is BenchRun.Read)
{
    tables.Add(await ReadPathRun.RunAsync(options));
}

if (options.Run is BenchRun.Cluster)
{
    tables.Add(await ClusterRun.RunAsync(options));
}

foreach (var table in tables)
{
    table.Print(Console.Out);
}

return 0;
