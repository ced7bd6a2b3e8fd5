using System.Text.Json;
using System.Text.Json.Serialization;

namespace Campaign.ConversationEval.Eval;

/// <summary>
/// A part of the labelled dialogue corpus: <c>development</c>, which the understanding may be tuned on, or
/// <c>heldout</c>, which is only ever scored.
/// </summary>
public sealed record EvalCorpus(string Part, IReadOnlyList<EvalDialogue> Dialogues)
{
    public const string Development = "development";
    public const string HeldOut = "heldout";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public bool IsHeldOut => Part.StartsWith(HeldOut, StringComparison.Ordinal);

    /// <summary>The corpus folder inside a checkout of the repository.</summary>
    public static string Folder(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "tests", "Campaign.Tests", "Conversation", "conversation-corpus");

    /// <summary>The file of a part ("development" → dialogues-dev.json, "heldout" → dialogues-heldout.json).</summary>
    public static string PathOf(string repositoryRoot, string part) =>
        Path.Combine(Folder(repositoryRoot), part == Development ? "dialogues-dev.json" : $"dialogues-{part}.json");

    public static EvalCorpus Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<CorpusFile>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        var dialogues = file.Dialogues.Select(d => d.Lines.Count == 0
            ? throw new InvalidDataException($"{path}: dialogue {d.Id} has no lines.")
            : new EvalDialogue(d.Id, d.Style ?? "", d.Lines, d.Expected)).ToList();
        return new EvalCorpus(file.Part, dialogues);
    }

    private sealed record CorpusFile(string Part, IReadOnlyList<DialogueEntry> Dialogues);

    private sealed record DialogueEntry(string Id, string? Style, IReadOnlyList<string> Lines, ExpectedOutcome Expected);
}
