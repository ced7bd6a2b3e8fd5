using System.Diagnostics;
using System.Text.Json;
using Campaign.Conversation.Understanding;

// The semantic opt-out layer's tools:
//   dotnet run -c Release --project bench/Campaign.OptOutBench -- embed-examples   regenerates optout-examples.vectors
//   dotnet run -c Release --project bench/Campaign.OptOutBench -- latency          times Classify with and without the model
//   dotnet run -c Release --project bench/Campaign.OptOutBench -- evaluate         each development part held out of the examples in turn
//   dotnet run -c Release --project bench/Campaign.OptOutBench -- score "line" ... a line's rules signal and semantic score
var command = args.Length > 0 ? args[0] : "latency";
var root = RepositoryRoot();
var data = Path.Combine(root, "src", "Campaign.Conversation", "Understanding", "Data");
switch (command)
{
    case "embed-examples":
        EmbedExamples();
        break;
    case "latency":
        Latency();
        break;
    case "evaluate":
        Evaluate();
        break;
    case "score":
        foreach (var line in args.Skip(1))
        {
            Console.WriteLine($"{OptOutDetector.Classify(line),-8} {SemanticOptOutScorer.Shared.Score(line),7:F3}  {line}");
        }

        break;
    default:
        Console.Error.WriteLine($"Unknown command '{command}': use embed-examples, latency, evaluate or score.");
        return 2;
}

return 0;

void EmbedExamples()
{
    using var json = File.OpenRead(Path.Combine(data, "optout-examples.json"));
    var lines = OptOutExamples.ReadLines(json);
    var watch = Stopwatch.StartNew();
    var examples = lines.Select(l => new OptOutExample(l.Text, l.Label, SentenceEmbedding.Embed(l.Text))).ToList();
    var path = Path.Combine(data, "optout-examples.vectors");
    using (var output = File.Create(path))
    {
        OptOutExamples.WriteVectors(output, examples);
    }

    Console.WriteLine($"{examples.Count} lines ({examples.Count(e => e.Label == OptOutExampleLabel.OptOut)} opt-outs, " +
        $"{examples.Count(e => e.Label == OptOutExampleLabel.Possible)} possible, {examples.Count(e => e.Label == OptOutExampleLabel.Other)} other) " +
        $"embedded in {watch.Elapsed.TotalSeconds:F1} s into {Path.GetRelativePath(root, path)}");
}

// Every line of the development corpora through Classify, as a call would: rules only, then backed by the model.
// Each line is classified Repeats times, each time by a scorer that has not seen it (no cache), and the middle and the
// least time per line are kept: the middle is what a busy machine gives, the least what an idle one gives.
void Latency()
{
    const int Repeats = 5;
    var lines = Development().Select(l => l.Text).ToList();
    for (var warm = 0; warm < 50; warm++)
    {
        // The rules' code compiled to its final tier first, so both passes below time the same code.
        lines.ForEach(l => OptOutRecognizer.RulesOnly.Classify(l));
    }

    Time("rules only", lines, _ => OptOutRecognizer.RulesOnly, Repeats);

    var watch = Stopwatch.StartNew();
    var examples = OptOutExamples.Shipped();
    var examplesMs = watch.Elapsed.TotalMilliseconds;
    SentenceEmbedding.Load();
    Console.WriteLine($"examples loaded in {examplesMs:F0} ms, model in {watch.Elapsed.TotalMilliseconds - examplesMs:F0} ms");
    var reaching = lines.Where(l => OptOutDetector.Classify(l) == OptOutSignal.None && OptOutDetector.MayConcernCalls(l)).ToList();
    Console.WriteLine($"{reaching.Count} of {lines.Count} lines reach the model (rules found nothing, a word may concern calls)");
    var scorers = Enumerable.Range(0, Repeats).Select(_ => new OptOutRecognizer(new SemanticOptOutScorer(examples))).ToList();
    Time("with the model", lines, r => scorers[r], Repeats);
    Time("lines reaching the model", reaching, r => scorers[r], 1, "(seen before: cached)");
    var fresh = Enumerable.Range(0, Repeats).Select(_ => new OptOutRecognizer(new SemanticOptOutScorer(examples))).ToList();
    Time("lines reaching the model", reaching, r => fresh[r], Repeats);
    Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
}

void Time(string name, IReadOnlyList<string> lines, Func<int, OptOutRecognizer> recognizer, int repeats, string note = "")
{
    var middle = new double[lines.Count];
    var least = new double[lines.Count];
    var times = new double[repeats];
    for (var warm = 0; warm < 2; warm++)
    {
        recognizer(0).Classify(lines[warm % lines.Count]);
    }

    for (var i = 0; i < lines.Count; i++)
    {
        for (var r = 0; r < repeats; r++)
        {
            var started = Stopwatch.GetTimestamp();
            recognizer(r).Classify(lines[i]);
            times[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        middle[i] = times[repeats / 2];
        least[i] = times[0];
    }

    Array.Sort(middle);
    Array.Sort(least);
    Console.WriteLine($"{name,-26} {lines.Count,3} lines  middle of {repeats}: p50 {Percentile(middle, 0.5),6:F2} ms p99 {Percentile(middle, 0.99),6:F2} ms max {middle[^1],6:F2} ms" +
        $" | least: p50 {Percentile(least, 0.5),6:F2} ms p99 {Percentile(least, 0.99),6:F2} ms max {least[^1],6:F2} ms {note}");
}

// Each development part is taken out of the examples in turn and classified by the rest: how the layer does on lines
// it has not seen.
void Evaluate()
{
    var shipped = OptOutExamples.Shipped();
    foreach (var part in new[] { "development", "development-2" })
    {
        var lines = Corpus(part);
        var texts = lines.Select(l => Key(l.Text)).ToHashSet();
        var scorer = new SemanticOptOutScorer(shipped.Where(e => !texts.Contains(Key(e.Text))));
        var recognizer = new OptOutRecognizer(scorer);
        var results = lines.Select(l => (l.Label, Rules: OptOutDetector.Classify(l.Text), Score: scorer.Score(l.Text), Signal: recognizer.Classify(l.Text))).ToList();
        string Count(string label, Func<(string Label, OptOutSignal Rules, double Score, OptOutSignal Signal), bool> good) =>
            $"{results.Count(r => r.Label == label && good(r))}/{results.Count(r => r.Label == label)}";
        Console.WriteLine($"{part}, held out of the examples:");
        Console.WriteLine($"  combined: opt-outs caught {Count("optOut", r => r.Signal != OptOutSignal.None)}, possible caught {Count("possible", r => r.Signal != OptOutSignal.None)}, " +
            $"others asked {Count("none", r => r.Signal == OptOutSignal.Possible)}, others taken as opt-outs {Count("none", r => r.Signal == OptOutSignal.Definite)}");
        Console.WriteLine($"  model alone (score >= 0): opt-outs {Count("optOut", r => r.Score >= 0)}, possible {Count("possible", r => r.Score >= 0)}, others {Count("none", r => r.Score >= 0)}");
    }
}

static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

IEnumerable<(string Text, string Label)> Development() => Corpus("development").Concat(Corpus("development-2"));

// Only the development parts: the held-out part is never read here.
List<(string Text, string Label)> Corpus(string part)
{
    var path = Path.Combine(root, "tests", "Campaign.Tests", "Conversation", "conversation-corpus", $"optout-{part}.json");
    using var document = JsonDocument.Parse(File.ReadAllText(path));
    return document.RootElement.GetProperty("lines").EnumerateArray()
        .Select(l => (l.GetProperty("text").GetString()!, l.GetProperty("label").GetString()!)).ToList();
}

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Campaign.Orleans.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (Campaign.Orleans.sln not found above " + AppContext.BaseDirectory + ").");
}
