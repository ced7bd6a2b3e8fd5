using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>The label of a line's nearest examples for a task, and how far ahead of the next label it is.</summary>
public sealed record IntentGuess(string Label, double Lead, double Similarity);

/// <summary>
/// The semantic understanding layer: reads a caller line by meaning, for interest, follow-up and concerns, by its
/// nearest labelled example lines (<see cref="IntentExamples"/>) under the same local MiniLM model as the opt-out layer;
/// a line is embedded once and its vector shared (<see cref="SentenceEmbedding.EmbedOnce"/>). Each label of a task
/// scores the mean similarity of its <see cref="Neighbours"/> nearest examples; the best label counts when it leads the
/// next by at least the task's margin, otherwise the layer says nothing. The rules stay the authority: the dialogue
/// asks this layer only where they are silent or unsure (a bare "yeah, no", an answer to "what worries you?" with no
/// word of worry, an answer to the offer with no yes or no), and it never decides an opt-out, an identity question or
/// the disclosure.
/// </summary>
public sealed partial class SemanticIntents
{
    /// <summary>How many nearest examples of each label are averaged.</summary>
    public const int Neighbours = 3;

    /// <summary>How far the best label must lead the next, per task; chosen on the development dialogues.</summary>
    public static double MarginOf(IntentTask task) => task switch
    {
        IntentTask.Interest => 0.03,
        IntentTask.FollowUp => 0.04,
        _ => 0.03,
    };

    /// <summary>
    /// How near a line must be to a topic's examples to be named as that topic: a concern the examples do not know
    /// ("the smart meter reads wrong") is nearer one of them than the others, but not near.
    /// </summary>
    public const double TopicSimilarity = 0.58;

    /// <summary>
    /// A topic that leads every other by this much is named at a lower similarity (<see cref="NearTopicSimilarity"/>):
    /// "some bloke I've never met wandering round my bedrooms" is not near any example, but far nearer to "someone in the
    /// house" than to anything else. On the development parts a concern the examples do not know leads by less (0.14 at
    /// most) or is not that near (a lead of 0.17 at a similarity of 0.40).
    /// </summary>
    public const double ClearTopicLead = 0.15;

    /// <summary>The similarity a topic that leads clearly (<see cref="ClearTopicLead"/>) still needs.</summary>
    public const double NearTopicSimilarity = 0.45;

    /// <summary>
    /// Where the nearest examples name no topic clearly, the trained classifier's topic counts when it is at least this
    /// likely and is also the topic the nearest examples lead with (two readings agreeing): chosen with each development
    /// part left out of the classifier's training in turn.
    /// </summary>
    public const double ClassifiedTopicProbability = 0.5;

    /// <summary>How far a topic must lead to be added beside the concerns the rules found in the same line.</summary>
    public const double ExtraTopicMargin = 0.08;

    private const int MaxClauses = 4;

    private static readonly Lazy<SemanticIntents> SharedIntents = new(() => new SemanticIntents(IntentExamples.Shipped(), ConcernClassifier.Shipped));

    private readonly Dictionary<IntentTask, (string Label, float[] Rows)[]> _labels;
    private readonly (string Label, HashSet<string> Words)[] _topicWords;
    private readonly Dictionary<string, HashSet<string>> _topicVocabulary;
    private readonly HashSet<string> _moneyTopics;
    private readonly ConcernClassifier? _classifier;

    public SemanticIntents(IEnumerable<IntentExample> examples, ConcernClassifier? classifier = null)
    {
        _classifier = classifier;
        _labels = examples.GroupBy(e => e.Task).ToDictionary(
            t => t.Key,
            t => t.GroupBy(e => e.Label, StringComparer.Ordinal).Select(l => (l.Key, l.SelectMany(e => e.Vector).ToArray())).ToArray());
        foreach (var task in Enum.GetValues<IntentTask>())
        {
            if (!_labels.TryGetValue(task, out var labels) || labels.Length < 2)
            {
                throw new ArgumentException($"The task {task} needs examples of at least two labels.", nameof(examples));
            }
        }

        _topicWords = _labels[IntentTask.Concern].Where(l => l.Label != IntentExamples.None).Select(l => (l.Label, TextTokens.Content(l.Label))).ToArray();
        _topicVocabulary = examples.Where(e => e.Task == IntentTask.Concern).GroupBy(e => e.Label, StringComparer.Ordinal)
            .ToDictionary(l => l.Key, l => l.SelectMany(e => TextTokens.Content(e.Text)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _moneyTopics = examples.Where(e => e.Task == IntentTask.Concern && e.Label != IntentExamples.None).GroupBy(e => e.Label, StringComparer.Ordinal)
            .Where(l => l.Count(e => AsksAfterMoney(e.Text)) >= 0.9 * l.Count()).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static bool AsksAfterMoney(string text) => (QuestionKind.Of(text) & QuestionKinds.Cost) != 0;

    // What a hazard is made of: a line naming gas, water, smoke or a tree is not a topic none of whose examples does
    // ("a smell of gas by the cooker" is no burning smell, "water dripping by the meter" no smart meter).
    private static readonly HashSet<string> Hazards = new(StringComparer.Ordinal)
    {
        "gas", "water", "smoke", "smoky", "flood", "floods", "flooded", "flooding", "tree", "trees", "branch", "branches", "damp",
        "rain", "fire", "flames",
    };

    /// <summary>Whether the line names a hazard that none of the topic's examples names.</summary>
    private bool NamesOtherHazard(string topic, string line) =>
        _topicVocabulary.TryGetValue(topic, out var vocabulary) && TextTokens.Content(line).Any(w => Hazards.Contains(w) && !vocabulary.Contains(w));

    /// <summary>Whether the topic's examples all speak of money while the line does not ("yes, the inspection's fine").</summary>
    public bool MoneyTopicWithoutMoney(string topic, string line) => _moneyTopics.Contains(topic) && !AsksAfterMoney(line);

    /// <summary>The layer over the shipped examples, one per process; the model itself loads on the first line read.</summary>
    public static SemanticIntents Shared => SharedIntents.Value;

    /// <summary>Loads the model and the examples in the background, so the first line of the first call does not wait.</summary>
    public static Task WarmUpAsync() => Task.Run(() => Shared.Guess(IntentTask.Interest, "Yes, tell me more."));

    /// <summary>The nearest label for <paramref name="task"/> (of <paramref name="among"/> when given) and its lead over the next.</summary>
    public IntentGuess Guess(IntentTask task, string line, IReadOnlyCollection<string>? among = null)
    {
        var vector = SentenceEmbedding.EmbedOnce(TextTokens.Respelled(line.Trim()));
        var (best, bestScore, second) = ("", double.NegativeInfinity, double.NegativeInfinity);
        foreach (var (label, rows) in _labels[task].Where(l => among is null || among.Contains(l.Label)))
        {
            var score = SemanticOptOutScorer.MeanOfNearest(rows, vector, Neighbours);
            if (score > bestScore)
            {
                (best, bestScore, second) = (label, score, bestScore);
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return new IntentGuess(best, bestScore - second, bestScore);
    }

    /// <summary>The label when the nearest examples agree clearly enough; <see cref="IntentExamples.None"/> is a label too.</summary>
    public string? Confident(IntentTask task, string line)
    {
        var guess = Guess(task, line);
        if (guess.Lead >= MarginOf(task) && (task != IntentTask.Concern || guess.Label == IntentExamples.None || Near(guess)))
        {
            return task == IntentTask.Concern && NamesOtherHazard(guess.Label, line) ? null : guess.Label;
        }

        return task == IntentTask.Concern && ClassifiedTopic(line) is { } topic && !NamesOtherHazard(topic, line) ? topic : null;
    }

    /// <summary>The topic the nearest examples name clearly for the text read whole (no classifier); null when none does.</summary>
    public string? ClearTopic(string text)
    {
        var guess = Guess(IntentTask.Concern, text);
        return guess.Lead >= MarginOf(IntentTask.Concern) && Near(guess) && guess.Label != IntentExamples.None && !NamesOtherHazard(guess.Label, text)
            ? guess.Label : null;
    }

    // Near enough to a topic's examples to be named as it: near, or clearly nearer than to any other topic.
    private static bool Near(IntentGuess guess) =>
        guess.Similarity >= TopicSimilarity || (guess.Lead >= ClearTopicLead && guess.Similarity >= NearTopicSimilarity);

    // The classifier's topic when it is likely enough and the nearest examples lead with it too; never "none" or a
    // concern outside the known topics.
    private string? ClassifiedTopic(string line)
    {
        if (_classifier is null)
        {
            return null;
        }

        var (label, probability) = _classifier.Best(SentenceEmbedding.EmbedOnce(TextTokens.Respelled(line.Trim())));
        return probability >= ClassifiedTopicProbability && label is not (IntentExamples.None or ConcernClassifier.Other)
            && Guess(IntentTask.Concern, line).Label == label ? label : null;
    }

    /// <summary>
    /// The concern topics a line voices, clause by clause ("the lights flicker and the fuse box keeps tripping" → two), as
    /// the examples name them; empty when no clause clearly names one.
    /// </summary>
    /// <param name="line">What the caller said.</param>
    /// <param name="margin">How far a topic must lead; the concern task's margin unless stricter.</param>
    /// <param name="near">Whether a topic clearly nearer than any other counts under a stricter margin too.</param>
    /// <param name="classified">
    /// Whether the classifier may name a topic the nearest examples do not; not when the reading decides whether to ask
    /// about an opt-out: the classifier never saw requests to stop calling, so only the examples' reading counts there.
    /// </param>
    public IReadOnlyList<string> ConcernTopics(string line, double? margin = null, bool near = false, bool classified = true)
    {
        var topics = new List<string>();
        foreach (var clause in Clauses(line))
        {
            if (AllFine().IsMatch(clause))
            {
                // "It's been fine since they fixed the line": a clause saying all is well voices no concern, whatever it mentions.
                continue;
            }

            var guess = Guess(IntentTask.Concern, clause);
            // A topic added beside others (a stricter margin) must be near its examples, not only nearer than the rest.
            var close = margin is null || near ? Near(guess) : guess.Similarity >= TopicSimilarity;
            var topic = guess.Lead >= (margin ?? MarginOf(IntentTask.Concern)) && close ? guess.Label
                : classified && (margin is null || near) ? ClassifiedTopic(clause) : null;
            if (topic is not null && topic != IntentExamples.None && !topics.Contains(topic) && !NamesOtherHazard(topic, clause))
            {
                topics.Add(topic);
            }
        }

        return topics;
    }

    /// <summary>
    /// The topic of the examples whose name holds every word of a short concern, synonyms folded ("really free" → "price
    /// of the inspection"); when two names hold them ("the cost": the inspection's or the repairs'), the one whose
    /// examples are nearer; null when none does, or when the words are a part of many topics' names ("power").
    /// </summary>
    public string? TopicNaming(string concern)
    {
        var words = TextTokens.Content(concern);
        if (words.Count == 0)
        {
            return null;
        }

        var found = _topicWords.Where(t => words.IsSubsetOf(t.Words)).Select(t => t.Label).ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            2 => Guess(IntentTask.Concern, concern, found).Label,
            _ => null,
        };
    }

    /// <summary>The whole line, then its clauses when it has more than one ("X, and Y", "X as well as Y").</summary>
    public static IReadOnlyList<string> Clauses(string line)
    {
        var whole = line.Trim();
        var parts = ClauseBreak().Split(whole).Select(c => c.Trim(' ', ',', '.', ';')).Where(c => c.Split(' ').Length >= 2).Take(MaxClauses).ToList();
        return parts.Count < 2 ? [whole] : parts;
    }

    [GeneratedRegex(@"\b(?:has been|have been|it's been|it has been|been|is|are|works|working|running)(?: (?:absolutely|perfectly|totally|all|just))? (?:fine|okay|ok|good|great|grand|alright|all right|spot on)\b(?![^.;!?]*\b(?:until|till|except|apart|but|though|although)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AllFine();

    [GeneratedRegex(@"[.;!?]\s+|,?\s+\b(?:and also|and then|and|as well as|plus|but also|but)\b\s+|,\s+(?=(?:the|my|our|we|it|they|there|having|letting|also)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}

/// <summary>The configured semantic understanding layer, or none (<c>Conversation:Understanding:Semantic=false</c>).</summary>
public sealed record SemanticUnderstanding(SemanticIntents? Intents);
