using System.Globalization;
using System.Runtime;
using Campaign.OptOutPropagationBench;

// Opt-out propagation: dotnet run -c Release --project bench/Campaign.OptOutPropagationBench -- [--trials N]
var trials = 200;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--trials" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
    {
        trials = n;
        i++;
    }
    else
    {
        Console.Error.WriteLine("usage: [--trials N] (default 200)");
        return 2;
    }
}

Console.WriteLine($"{Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, .NET {Environment.Version}; {trials} trials");
await using var silo = await PropagationSilo.StartAsync();

// One trial warms the silo (grain types, SQLite statements, the offline model) and is not counted.
await Trial.RunAsync(silo, 0);
var results = new List<TrialResult>();
for (var i = 1; i <= trials; i++)
{
    results.Add(await Trial.RunAsync(silo, i));
}

var toList = results.Select(r => r.ToList.TotalMilliseconds).Order().ToList();
var toWord = results.Select(r => r.ToFirstWord.TotalMilliseconds).Order().ToList();
Console.WriteLine();
Console.WriteLine("| measure | p50 | p99 | max |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine(Row("utterance → on the do-not-call list (every dial decision refuses)", toList));
Console.WriteLine(Row("utterance → first word of the reply", toWord));
Console.WriteLine();
Console.WriteLine($"on the list when the first word of the reply arrived: {results.Count(r => r.ListedAtFirstWord)} of {results.Count}");
Console.WriteLine($"dials to the person after the utterance: {results.Sum(r => r.DialsAfter)}");
Console.WriteLine($"dial decisions allowing a call after the utterance: {results.Sum(r => r.CallDecisionsAfter)}");
Console.WriteLine($"dial decisions refusing or deferring the person after the utterance: {results.Sum(r => r.RefusedAfter)}");
return results.Sum(r => r.DialsAfter + r.CallDecisionsAfter) == 0 && results.All(r => r.ListedAtFirstWord) ? 0 : 1;

static string Row(string name, List<double> sorted) =>
    $"| {name} | {Ms(Percentile(sorted, 0.50))} | {Ms(Percentile(sorted, 0.99))} | {Ms(sorted[^1])} |";

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
