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

// Every line of the development corpora through Classify, as a call would: rules only, then with the model on lines
// never seen before (each one embedded), then again (the segment cache answers).
void Latency()
{
    var lines = Development().Select(l => l.Text).ToList();
    var rules = OptOutRecognizer.RulesOnly;
    Time("warm-up (JIT, regexes)", lines, rules);
    Time("rules only", lines, rules);

    var watch = Stopwatch.StartNew();
    var scorer = SemanticOptOutScorer.Shared;
    var examplesMs = watch.Elapsed.TotalMilliseconds;
    SentenceEmbedding.Load();
    Console.WriteLine($"examples loaded in {examplesMs:F0} ms, model in {watch.Elapsed.TotalMilliseconds - examplesMs:F0} ms");
    var semantic = new OptOutRecognizer(scorer);
    var modelled = lines.Count(l => OptOutDetector.Classify(l) == OptOutSignal.None && OptOutDetector.MayConcernCalls(l));
    Console.WriteLine($"{modelled} of {lines.Count} lines reach the model (rules found nothing, a word may concern calls)");
    Time("with the model, first sight", lines, semantic);
    Time("with the model, seen before", lines, semantic);
}

void Time(string name, IReadOnlyList<string> lines, OptOutRecognizer recognizer)
{
    var times = new double[lines.Count];
    for (var i = 0; i < lines.Count; i++)
    {
        var started = Stopwatch.GetTimestamp();
        recognizer.Classify(lines[i]);
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(times);
    Console.WriteLine($"{name,-30} {lines.Count} lines  p50 {Percentile(times, 0.5),7:F3} ms  p99 {Percentile(times, 0.99),7:F3} ms  max {times[^1],7:F3} ms");
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
