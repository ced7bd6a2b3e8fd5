using Campaign.Bench;

// Import/preview load driver: dotnet run -c Release --project bench/Campaign.Bench -- [customers] [database path]
var customers = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"campaign-bench-{Guid.NewGuid():N}.db");
await ImportAndPreviewBenchmark.RunAsync(customers, path);
