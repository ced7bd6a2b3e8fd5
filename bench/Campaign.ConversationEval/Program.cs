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
//   ... -- development --rules-understanding   the semantic understanding layer off (Conversation:Understanding:Semantic=false)
//   ... -- heldout --model    the model configured like the host: Conversation__Provider=OpenAI, Conversation__OpenAI__Endpoint, __Model, __ApiKey
if (args.FirstOrDefault() == "embed-examples")
{
    return EmbedExamples(RepositoryRoot());
}

if (args.FirstOrDefault() == "read")
{
    foreach (var line in args.Skip(1))
    {
        var guesses = Enum.GetValues<IntentTask>().Select(t => SemanticIntents.Shared.Guess(t, line)).Select(g => $"{g.Label} +{g.Lead:F3} ({g.Similarity:F2})");
        Console.WriteLine($"{string.Join("  ", guesses),-70} {line}");
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

using var logging = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
using var agent = new EvalAgent(settings, logging);
var score = EvalScore.Of(await agent.RunAsync(corpus));
Console.Write(EvalReport.Write($"{corpus.Part} ({(useModel ? settings.GetValueOrDefault("Conversation:OpenAI:Model") : "offline engine")})", score));
if (showFailures)
{
    Console.WriteLine();
    Console.Write(EvalReport.Failures(score));
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
