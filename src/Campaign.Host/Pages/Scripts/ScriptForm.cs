using System.Text.RegularExpressions;
using Campaign.Abstractions.Scripts;
using Campaign.Host.Api;

namespace Campaign.Host.Pages.Scripts;

/// <summary>
/// The script editor's fields. Lists are edited as text, one item a line; FAQ and objection lines hold both parts
/// separated by <see cref="Separator"/>. Item <c>i</c> of a list is line <c>i + 1</c>, so errors name the line.
/// </summary>
public sealed partial class ScriptForm
{
    public const string Separator = "|";

    /// <summary>The inputs of the editor by the name errors are placed under (see <see cref="Place"/>).</summary>
    public static readonly IReadOnlySet<string> Inputs = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "agentName", "company", "goal", "opening", "talkingPoints", "faq", "objections", "closing",
        "captureQuestions", "disclosure", "maxTurns", "maxSeconds", "language", "voice", "infoText",
    };

    public string? Name { get; set; }

    public string? AgentName { get; set; }

    public string? Company { get; set; }

    public string? Goal { get; set; }

    public string? Opening { get; set; }

    public string? TalkingPoints { get; set; }

    public string? Faq { get; set; }

    public string? Objections { get; set; }

    public string? Closing { get; set; }

    public string? CaptureQuestions { get; set; }

    public string? Disclosure { get; set; }

    public int MaxTurns { get; set; } = ScriptLimits.DefaultMaxTurns;

    public int MaxSeconds { get; set; } = ScriptLimits.DefaultMaxSeconds;

    public string? Language { get; set; } = ScriptLimits.DefaultLanguage;

    public string? Voice { get; set; }

    public string? InfoText { get; set; }

    /// <summary>The version the edit started from; a save fails when another version was saved meanwhile.</summary>
    public int? BaseVersion { get; set; }

    public static ScriptForm From(ScriptVersion saved)
    {
        var d = saved.Definition;
        return new ScriptForm
        {
            Name = d.Name,
            AgentName = d.Persona.AgentName,
            Company = d.Persona.Company,
            Goal = d.Goal,
            Opening = d.Opening,
            TalkingPoints = string.Join('\n', d.TalkingPoints),
            Faq = string.Join('\n', d.Faq.Select(f => $"{f.Question} {Separator} {f.Answer}")),
            Objections = string.Join('\n', d.Objections.Select(o => $"{o.Objection} {Separator} {o.Response}")),
            Closing = d.Closing,
            CaptureQuestions = string.Join('\n', d.CaptureQuestions),
            Disclosure = d.Disclosure,
            MaxTurns = d.MaxTurns,
            MaxSeconds = d.MaxSeconds,
            Language = d.Language,
            Voice = d.Voice,
            InfoText = d.InfoText,
            BaseVersion = saved.Version,
        };
    }

    /// <summary>The definition as the API would build it from the same script sent as JSON.</summary>
    public ScriptDefinition ToDefinition() => new ScriptBody(
        null, BaseVersion, null, Name, new PersonaBody(AgentName, Company), Goal, Opening, Lines(TalkingPoints),
        Lines(Faq).Select(line => Pair(line, (q, a) => new FaqBody(q, a))).ToList(),
        Lines(Objections).Select(line => Pair(line, (o, r) => new ObjectionBody(o, r))).ToList(),
        Closing, Lines(CaptureQuestions), Disclosure, MaxTurns, MaxSeconds, Language, Voice, InfoText).ToDefinition();

    /// <summary>Where an error goes in the form: the input it belongs to and how to say it, e.g. "line 2 (answer): is required".</summary>
    public static (string Input, string Text) Place(ScriptValidationError error)
    {
        var match = FieldPattern().Match(error.Field);
        if (!match.Success)
        {
            return (error.Field, error.Message);
        }

        var (root, index, part) = (match.Groups["root"].Value, match.Groups["index"], match.Groups["part"].Value);
        var input = root == "persona" && part.Length > 0 ? part : root;
        if (!index.Success)
        {
            return (input, error.Message);
        }

        var line = int.Parse(index.Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        return (input, $"line {line}{(part.Length > 0 ? $" ({part})" : "")}: {error.Message}");
    }

    private static List<string?> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.TrimEnd().Split('\n').Select(l => (string?)l.TrimEnd('\r')).ToList();

    private static T Pair<T>(string? line, Func<string?, string?, T> make)
    {
        var at = line?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        return at < 0 ? make(line, null) : make(line![..at], line[(at + 1)..]);
    }

    [GeneratedRegex(@"^(?<root>[A-Za-z]+)(\[(?<index>\d+)\])?(\.(?<part>[A-Za-z]+))?$")]
    private static partial Regex FieldPattern();
}
