// Script experiments on a seeded audience: how often the analysis picks the variant that is truly better, how soon,
// and how often it declares a winner when the variants are the same (the false-positive rate).
//   dotnet run -c Release --project bench/Campaign.ExperimentBench [-- trials]
using Campaign.ExperimentBench;

var trials = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 40;
const double AnswerRate = 0.4;
const int Audience = 20_000;

Console.WriteLine($"Answer rate {AnswerRate:P0}, audience up to {Audience} customers, a look every {ExperimentTrial.LookEvery} calls, α = 0.05.");
Console.WriteLine();
Console.WriteLine("| true interest rates | trials | truly better picked | wrong winner | no decision | calls to decision (median, p90) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var rates in new[] { new[] { 0.20, 0.30 }, new[] { 0.20, 0.26 }, new[] { 0.20, 0.30, 0.20 }, new[] { 0.20, 0.20, 0.30, 0.24 } })
{
    Report(rates, trials, seedBase: 1000);
}

Console.WriteLine();
Console.WriteLine("Equal variants (any winner is a false positive):");
Console.WriteLine();
Console.WriteLine("| true interest rates | trials | truly better picked | wrong winner | no decision | calls to decision (median, p90) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var rates in new[] { new[] { 0.20, 0.20 }, new[] { 0.25, 0.25, 0.25 } })
{
    Report(rates, trials * 10, seedBase: 50_000, audience: 5_000);
}

Console.WriteLine();
Console.WriteLine("The simulator's virtual customers (hidden taste for wording), a plain opening against one naming their problem:");
Console.WriteLine();
Console.WriteLine("| openings | trials | personal opening picked | plain picked | no decision | calls to decision (median, p90) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
{
    var simulated = new SimulatorTrial(
        ["Hello, this is Alex from City Power with a quick call about your service.",
         "Hello, this is Alex from City Power about the power cuts at night you reported; we have fixed the line."], Audience);
    var outcomes = Enumerable.Range(7_000, trials).AsParallel().Select(simulated.Run).ToList();
    var personal = outcomes.Count(o => o.Winner == "script-1");
    var plain = outcomes.Count(o => o.Winner == "script-0");
    var decided = outcomes.Where(o => o.Winner is not null).Select(o => o.CallsToDecision).Order().ToList();
    var timing = decided.Count == 0 ? "–" : $"{decided[decided.Count / 2]}, {decided[(int)Math.Min(decided.Count - 1, Math.Ceiling(decided.Count * 0.9) - 1)]}";
    Console.WriteLine($"| plain / personal | {trials} | {personal} ({(double)personal / trials:P1}) | {plain} | {trials - personal - plain} | {timing} |");
}

static void Report(double[] rates, int trials, int seedBase, int audience = Audience)
{
    var best = Array.IndexOf(rates, rates.Max());
    var clearBest = rates.Count(r => r == rates.Max()) == 1 ? $"script-{best}" : null;
    var trial = new RatesTrial(rates, AnswerRate, audience);
    var outcomes = Enumerable.Range(seedBase, trials).AsParallel().Select(trial.Run).ToList();
    var right = outcomes.Count(o => o.Winner is not null && o.Winner == clearBest);
    var wrong = outcomes.Count(o => o.Winner is not null && o.Winner != clearBest);
    var none = outcomes.Count(o => o.Winner is null);
    var decided = outcomes.Where(o => o.Winner is not null).Select(o => o.CallsToDecision).Order().ToList();
    var timing = decided.Count == 0 ? "–" : $"{decided[decided.Count / 2]}, {decided[(int)Math.Min(decided.Count - 1, Math.Ceiling(decided.Count * 0.9) - 1)]}";
    Console.WriteLine($"| {string.Join(" / ", rates.Select(r => r.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)))} | {trials} | {right} ({(double)right / trials:P1}) | {wrong} ({(double)wrong / trials:P1}) | {none} | {timing} |");
}
