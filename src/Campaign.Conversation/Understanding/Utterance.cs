using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Understanding;

/// <summary>A customer line understood: intents and the slots they carry.</summary>
public sealed record Utterance
{
    public required string Text { get; init; }

    public bool OptOut { get; init; }

    public Polarity Polarity { get; init; }

    /// <summary>
    /// An explicit statement of interest ("tell me more", "maybe", "not interested"); null when there is none. A bare
    /// "no thanks" is only <see cref="Polarity.No"/>: it declines the question asked, which may not be the offer itself.
    /// </summary>
    public Interest? Interest { get; init; }

    public bool Busy { get; init; }

    public bool CallbackRequested { get; init; }

    /// <summary>The words naming a time ("tomorrow at 5 pm"), when the line has any.</summary>
    public string? TimePhrase { get; init; }

    public bool WantsMoreInfo { get; init; }

    public string? Concern => ConcernFound?.Text;

    public ExtractedConcern? ConcernFound { get; init; }

    /// <summary>"Who is this?", "Are you a robot?": answered with the persona and the disclosure.</summary>
    public bool AsksIdentity { get; init; }

    /// <summary>"Can I speak to a real person?": the customer asks to be put through to someone.</summary>
    public bool WantsPerson { get; init; }

    /// <summary>"No, nothing really", "all good": the customer has nothing to raise.</summary>
    public bool NoConcerns { get; init; }

    public bool IsQuestion { get; init; }

    /// <summary>The line says no or not to something ("not", "never", "nothing", "rather not", "pass").</summary>
    public bool Negates { get; init; }

    public ScriptFaq? Faq { get; init; }

    public KnownObjection? Objection { get; init; }

    public bool Goodbye { get; init; }

    /// <summary>The semantic understanding layer, when configured: asked only where the rules are silent or unsure.</summary>
    public SemanticIntents? Semantics { get; init; }

    /// <summary>The customer's reported issues as they were reported: a concern that is one of them keeps that name.</summary>
    public IReadOnlyList<string> ReportedIssues { get; init; } = [];

    /// <summary>The interest the line's meaning shows, when the semantic layer is sure of it; null when it says none or is unsure.</summary>
    public Interest? SemanticInterest()
    {
        // A bare "Yes." or "No thanks." means what it says; a short line's meaning is read by its words.
        if (Polarity != Polarity.None && Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2)
        {
            return null;
        }

        return Semantics?.Confident(IntentTask.Interest, Text) switch
        {
            "interested" => Campaign.Abstractions.Customers.Interest.Interested,
            "neutral" => Campaign.Abstractions.Customers.Interest.Neutral,
            "notInterested" => Campaign.Abstractions.Customers.Interest.NotInterested,
            _ => null,
        };
    }

    /// <summary>Whether the line's meaning asks for information ("pop a leaflet through the door"), by the semantic layer.</summary>
    public bool SemanticMoreInfo() => Semantics?.Confident(IntentTask.FollowUp, Text) == "moreInfo";

    /// <summary>
    /// The concern topics of the line. The rules' concerns, each named as the examples name it when the semantic layer
    /// is sure ("fuse box goes every other day" → "fuse box tripping"); a rules concern read from a mere complaint is
    /// dropped when the layer is sure the line is no concern ("not a good moment, the kids are screaming"). When the
    /// rules found none and the line answers "what worries you?" (<paramref name="asked"/>), the layer's topics.
    /// </summary>
    public IReadOnlyList<string> ConcernTopics(bool asked)
    {
        var rules = ConcernFound?.Topics ?? [];
        // "Not a good moment, the kids are screaming": a line that puts the call off names no worry by meaning alone.
        if (Semantics is null || (rules.Count == 0 && (!asked || Busy)))
        {
            return rules;
        }

        var said = Semantics.ConcernTopics(Text);
        if (rules.Count == 0)
        {
            // The line's main topic as a whole; a clause adds another only when it reads clearly as one.
            if (Semantics.Confident(IntentTask.Concern, Text) is not { } main || main == IntentExamples.None)
            {
                // "We've got a big Alsatian who goes mental at strangers, is that going to be a problem?": in answer to
                // "what worries you?", a question about a problem is about the thing the line first says.
                return said.Count == 0 && asked && IsQuestion && ConcernTopic.NamesProblem(Text) && ConcernTopic.Of(Text) is { } own ? [own] : said;
            }

            // In an answer to "what worries you?" each clause is part of the answer, so it counts as the rules' concern does.
            return WithUnnamedThings([main, .. Semantics.ConcernTopics(Text, SemanticIntents.ExtraTopicMargin, near: true).Where(t => t != main)]);
        }

        if (said.Count == 0 && ConcernFound!.IsClause && Semantics.Confident(IntentTask.Concern, Text) == IntentExamples.None)
        {
            return [];
        }

        // One concern the rules cut too short to name ("it keeps going off") is named by the whole line ("the trip switch, it keeps going off").
        var whole = rules.Count == 1 ? Semantics.Confident(IntentTask.Concern, Text) : null;
        // When every clause names a topic ("the lights flicker and the fuse box trips"), the rules' unnamed phrase
        // spanning them ("lights flicker and the fuse box") is only a piece of those topics.
        var everyClauseNamed = said.Count >= 2 && said.Count == SemanticIntents.Clauses(Text).Count;
        var topics = new List<string>();
        foreach (var topic in rules)
        {
            // The customer's own report names its concern better than the nearest example topic does: "outage lasted two
            // days" is not "power cuts at night".
            var named = ReportedIssues.Contains(topic, StringComparer.OrdinalIgnoreCase) ? topic
                : Semantics.Confident(IntentTask.Concern, topic) is { } label && label != IntentExamples.None ? label
                : whole is not null && whole != IntentExamples.None ? whole
                : Semantics.TopicNaming(topic);
            if (named is null && everyClauseNamed)
            {
                continue;
            }

            named ??= topic;

            if (!topics.Contains(named, StringComparer.OrdinalIgnoreCase))
            {
                topics.Add(named);
            }
        }

        // A second concern the rules did not split out ("the lights flicker and the breaker keeps tripping") is added
        // only when its clause reads clearly as that topic: near its examples, or clearly nearer than to any other when
        // the rules found only a complaint or the clause is part of their concern ("two things: the price, and who's
        // coming into the house": they share a word). Beside "I'm worried about X", scene-setting stays scene-setting.
        var found = TextTokens.Content(ConcernFound!.Text);
        var reported = topics.Where(t => ReportedIssues.Contains(t, StringComparer.OrdinalIgnoreCase)).Select(TextTokens.Content).ToList();
        foreach (var clause in SemanticIntents.Clauses(Text))
        {
            var words = TextTokens.Content(clause);
            // A clause saying the reported issue is that issue, not also a topic that merely sounds like it.
            if (reported.Any(issue => PhraseMatcher.Score(words, issue, minCoverage: 0.6) > 0))
            {
                continue;
            }

            var inside = ConcernFound.IsClause || found.Overlaps(words);
            foreach (var topic in Semantics.ConcernTopics(clause, SemanticIntents.ExtraTopicMargin, near: inside))
            {
                if (!topics.Contains(topic, StringComparer.OrdinalIgnoreCase))
                {
                    topics.Add(topic);
                }
            }
        }

        return WithUnnamedThings(topics);
    }

    /// <summary>
    /// The topics a yes to the opening question brings with it ("Yes please, the trip switch has gone three times this
    /// week"): a clause after the answer that the nearest examples name clearly, without the classifier. Empty when no
    /// clause does or the semantic layer is off.
    /// </summary>
    public IReadOnlyList<string> ConcernsBesideAnswer()
    {
        var clauses = SemanticIntents.Clauses(Text);
        if (Semantics is null || clauses.Count < 2)
        {
            return [];
        }

        // What follows the answer, read whole as well as clause by clause: "my husband's on oxygen overnight and the
        // concentrator runs off the mains" names its topic only as a whole.
        var at = Text.IndexOf(clauses[1], StringComparison.Ordinal);
        var whole = clauses.Count > 2 && at > 0 ? Semantics.ClearTopic(Text[at..]) : null;
        var topics = whole is null ? [] : new List<string> { whole };
        // "But yes, the inspection's fine": beside the answer, a mention of the offer is no worry about its price.
        return topics.Concat(clauses.Skip(1).SelectMany(c => Semantics.ConcernTopics(c, classified: false)))
            .Where(t => !Semantics.MoneyTopicWithoutMoney(t, Text)).Distinct(StringComparer.Ordinal).ToList();
    }

    // "The lights flicker and the electric shower keeps cutting out": beside a topic the examples know, a clause that no
    // topic names but that names a thing and what is wrong with it is a concern of its own, named by that thing.
    private List<string> WithUnnamedThings(List<string> topics)
    {
        var clauses = SemanticIntents.Clauses(Text);
        if (topics.Count == 0 || clauses.Count < 2 || Semantics is null)
        {
            return topics;
        }

        foreach (var clause in clauses)
        {
            if (Semantics.ConcernTopics(clause).Count > 0 || ConcernTopic.ThingOf(clause) is not { } thing)
            {
                continue;
            }

            var words = TextTokens.Content(thing);
            if (!topics.Any(t => TextTokens.Content(t).Overlaps(words)))
            {
                topics.Add(thing);
            }
        }

        return topics;
    }

    /// <summary>Nothing in the line was understood.</summary>
    public bool Unrecognized => !OptOut && Polarity == Polarity.None && Interest is null && !Busy && !CallbackRequested &&
                                !WantsMoreInfo && Concern is null && !NoConcerns && !IsQuestion && Faq is null && Objection is null && !Goodbye && !AsksIdentity;
}

public enum Polarity
{
    None,
    Yes,
    No,
}
