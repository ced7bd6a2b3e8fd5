using System.Collections;
using Campaign.Conversation.Understanding;
using Campaign.ConversationEval.Eval;
using Microsoft.Extensions.Logging;

// Scores the conversation agent over the labelled dialogue corpus:
//   dotnet run -c Release --project bench/Campaign.ConversationEval                      development part, offline engine
//   dotnet run -c Release --project bench/Campaign.ConversationEval -- heldout           held-out part (scored only)
//   dotnet run -c Release --project bench/Campaign.ConversationEval -- development --failures   the development dialogues it gets wrong
//   dotnet run -c Release --project bench/Campaign.ConversationEval -- <file.json>       any corpus file
//   dotnet run -c Release --project bench/Campaign.ConversationEval -- embed-examples   regenerates intent-examples.vectors
//   dotnet run -c Release --project bench/Campaign.ConversationEval -- read "line" ...  the semantic layer's reading of lines
//   dotnet run -c Release --project bench/Campaign.ConversationEval -- train-concerns   regenerates concern-classifier.weights
//   dotnet run -c Release --project bench/Campaign.ConversationEval -- concerns-left-out  each development part left out of the classifier in turn
//   ... -- dev9 --concerns-left-out     scored with a classifier trained without the scored part (as if held out)
//   ... -- dev9 --no-concern-classifier the nearest examples alone name concern topics
//   ... -- dev12 --asked      the development dialogues with no opt-out in which the agent asked whether to stop calling
//   ... -- development --rules-understanding   the semantic understanding layer off (Conversation:Understanding:Semantic=false)
//   ... -- heldout --model    the model configured like the host: Conversation__Provider=OpenAI, Conversation__OpenAI__Endpoint, __Model, __ApiKey
if (args.FirstOrDefault() == "embed-examples")
{
    return EmbedExamples(RepositoryRoot());
}

if (args.FirstOrDefault() == "train-concerns")
{
    return TrainConcerns(RepositoryRoot());
}

if (args.FirstOrDefault() == "concerns-left-out")
{
    return ConcernsLeftOut(RepositoryRoot());
}

if (args.FirstOrDefault() == "read")
{
    foreach (var line in args.Skip(1))
    {
        var guesses = Enum.GetValues<IntentTask>().Select(t => SemanticIntents.Shared.Guess(t, line)).Select(g => $"{g.Label} +{g.Lead:F3} ({g.Similarity:F2})");
        var optOut = new OptOutRecognizer(SemanticOptOutScorer.Shared, understanding: SemanticIntents.Shared).Classify(line, answersOffer: false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(EvalScript.TimeZone);
        var callback = CallbackTimeParser.Resolve(line, EvalScript.AnsweredAt, zone) is { } time
            ? TimeZoneInfo.ConvertTime(time.At, zone).ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + $" \"{time.Phrase}\""
            : "none";
        Console.WriteLine($"{string.Join("  ", guesses),-70} opt-out {optOut,-8} (rules {OptOutDetector.Classify(line)}) callback {callback} {line}");
    }

    return 0;
}

var part = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? EvalCorpus.Development;
var showFailures = args.Contains("--failures");
var useModel = args.Contains("--model");
var path = File.Exists(part) ? part : EvalCorpus.PathOf(RepositoryRoot(), part);
var corpus = EvalCorpus.Load(path);
if (showFailures && corpus.IsHeldOut)
{
    Console.Error.WriteLine("The held-out part is only ever scored: its failures are not printed. Use the development part.");
    return 2;
}

var settings = useModel ? ModelSettings() : new Dictionary<string, string?>();
if (args.Contains("--rules-understanding"))
{
    // The semantic understanding layer off (the opt-out layer stays): to compare figures and latency with and without it.
    settings["Conversation:Understanding:Semantic"] = "false";
}

if (args.Contains("--no-concern-classifier"))
{
    settings["Conversation:Understanding:ConcernClassifier"] = "off";
}
else if (args.Contains("--concerns-left-out"))
{
    if (corpus.IsHeldOut)
    {
        Console.Error.WriteLine("The held-out part is never in the classifier's training: score it without --concerns-left-out.");
        return 2;
    }

    var weights = Path.Combine(Path.GetTempPath(), $"concern-classifier-without-{corpus.Part}.weights");
    using (var file = File.Create(weights))
    {
        ConcernClassifier.Train(ConcernTraining.Lines(RepositoryRoot(), leftOut: part)).Write(file);
    }

    settings["Conversation:Understanding:ConcernClassifier"] = weights;
}

using var logging = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
using var agent = new EvalAgent(settings, logging);
var score = EvalScore.Of(await agent.RunAsync(corpus));
Console.Write(EvalReport.Write($"{corpus.Part} ({(useModel ? settings.GetValueOrDefault("Conversation:OpenAI:Model") : "offline engine")})", score));
if (showFailures)
{
    Console.WriteLine();
    Console.Write(EvalReport.Failures(score));
}

if (args.Contains("--asked") && !corpus.IsHeldOut)
{
    Console.WriteLine();
    Console.Write(EvalReport.NeedlessQuestions(score));
}

return 0;

// The semantic understanding layer's example lines → their sentence vectors, embedded next to them.
static int EmbedExamples(string root)
{
    var data = Path.Combine(root, "src", "Campaign.Conversation", "Understanding", "Data");
    using var json = File.OpenRead(Path.Combine(data, "intent-examples.json"));
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var examples = IntentExamples.ReadLines(json).Select(l => new IntentExample(l.Task, l.Label, l.Text, SentenceEmbedding.Embed(l.Text))).ToList();
    var path = Path.Combine(data, "intent-examples.vectors");
    using (var output = File.Create(path))
    {
        IntentExamples.WriteVectors(output, examples);
    }

    var counts = string.Join(", ", examples.GroupBy(e => e.Task).Select(g => $"{g.Key} {g.Count()}"));
    Console.WriteLine($"{examples.Count} lines ({counts}) embedded in {watch.Elapsed.TotalSeconds:F1} s into {Path.GetRelativePath(root, path)}");
    return 0;
}

// The concern classifier trained on the examples and every development part, written where the build embeds it.
static int TrainConcerns(string root)
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var lines = ConcernTraining.Lines(root, leftOut: null);
    var classifier = ConcernClassifier.Train(lines);
    var path = Path.Combine(root, "src", "Campaign.Conversation", "Understanding", "Data", "concern-classifier.weights");
    using (var output = File.Create(path))
    {
        classifier.Write(output);
    }

    var counts = string.Join(", ", lines.GroupBy(l => l.Label).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
    Console.WriteLine($"{lines.Count} lines ({counts}) trained in {watch.Elapsed.TotalSeconds:F1} s into {Path.GetRelativePath(root, path)}");
    return 0;
}

// Each development part left out of the classifier's training in turn: of its answers the nearest examples lead with a
// topic but do not name (below the similarity bars), how many the classifier's agreement would name, right and wrong.
static int ConcernsLeftOut(string root)
{
    double[] bars = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    var nearest = new SemanticIntents(IntentExamples.Shipped());
    var topics = IntentExamples.Shipped().Where(e => e.Task == IntentTask.Concern).Select(e => e.Label).ToHashSet(StringComparer.Ordinal);
    var right = new int[bars.Length];
    var wrong = new int[bars.Length];
    var (aloneRight, aloneWrong) = (new int[bars.Length], new int[bars.Length]);
    foreach (var part in ConcernTraining.DevelopmentParts(root))
    {
        var classifier = ConcernClassifier.Train(ConcernTraining.Lines(root, leftOut: part));
        var (partRight, partWrong, candidates) = (new int[bars.Length], new int[bars.Length], 0);
        foreach (var (label, text) in ConcernTraining.CorpusLines(EvalCorpus.Load(EvalCorpus.PathOf(root, part)), topics))
        {
            var guess = nearest.Guess(IntentTask.Concern, text);
            if (nearest.Confident(IntentTask.Concern, text) is null)
            {
                var all = classifier.Probabilities(SentenceEmbedding.EmbedOnce(TextTokens.Respelled(text.Trim())));
                var top = all.MaxBy(p => p.Value);
                for (var b = 0; b < bars.Length; b++)
                {
                    if (top.Value >= bars[b] && top.Key != IntentExamples.None && top.Key != ConcernClassifier.Other)
                    {
                        (top.Key == label ? aloneRight : aloneWrong)[b]++;
                    }
                }
            }

            if (guess.Label == IntentExamples.None || guess.Lead < SemanticIntents.MarginOf(IntentTask.Concern) || nearest.Confident(IntentTask.Concern, text) is not null)
            {
                continue;
            }

            candidates++;
            var p = classifier.Probability(SentenceEmbedding.EmbedOnce(TextTokens.Respelled(text.Trim())), guess.Label);
            for (var b = 0; b < bars.Length; b++)
            {
                if (p >= bars[b])
                {
                    (label == guess.Label ? partRight : partWrong)[b]++;
                }
            }
        }

        Console.WriteLine($"{part,-12} {candidates,3} unnamed leads   " + string.Join("   ", bars.Select((b, i) => $"≥{b:F1}: +{partRight[i]} -{partWrong[i]}")));
        for (var b = 0; b < bars.Length; b++)
        {
            right[b] += partRight[b];
            wrong[b] += partWrong[b];
        }
    }

    Console.WriteLine($"{"all",-12}                     " + string.Join("   ", bars.Select((b, i) => $"≥{b:F1}: +{right[i]} -{wrong[i]}")));
    Console.WriteLine($"{"alone",-12}                     " + string.Join("   ", bars.Select((b, i) => $"≥{b:F1}: +{aloneRight[i]} -{aloneWrong[i]}")));
    return 0;
}

// The host's configuration keys, read from the environment (Conversation__OpenAI__Model → Conversation:OpenAI:Model).
static Dictionary<string, string?> ModelSettings()
{
    var settings = new Dictionary<string, string?> { ["Conversation:Provider"] = "OpenAI" };
    foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
    {
        var name = (string)variable.Key;
        if (name.StartsWith("Conversation__", StringComparison.OrdinalIgnoreCase))
        {
            settings[name.Replace("__", ":", StringComparison.Ordinal)] = (string?)variable.Value;
        }
    }

    return settings;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Campaign.Orleans.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository: Campaign.Orleans.sln was not found above the program.");
}
