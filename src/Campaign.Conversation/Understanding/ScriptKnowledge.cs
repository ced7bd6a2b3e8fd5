using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Understanding;

/// <summary>What the language-understanding layer matches a customer's words against, for one script and customer.</summary>
public sealed class ScriptKnowledge
{
    public ScriptKnowledge(ScriptDefinition rendered, CustomerProfile customer)
    {
        FaqIndex = new FaqIndex(rendered.Faq);
        Objections = rendered.Objections
            .Select(o => new MatchTarget<KnownObjection>(o.Objection, new KnownObjection(o, UtteranceAnalyzer.KindOf(o.Objection))))
            .ToList();
        TalkingPoints = rendered.TalkingPoints.Select(p => new MatchTarget<string>(p, p)).ToList();
        Issues = customer.Issues
            .Select(i => string.IsNullOrWhiteSpace(i.Text) ? i.Category : i.Text.Trim())
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(t => new MatchTarget<string>(t, t))
            .ToList();
        IssueNames = Issues.Select(i => i.Item).ToList();
        Topics = rendered.TalkingPoints.Concat(rendered.Faq.Select(f => f.Question)).Append(rendered.Goal)
            .SelectMany(TextTokens.Content)
            .ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<MatchTarget<ScriptFaq>> Faq => FaqIndex.Entries;

    public FaqIndex FaqIndex { get; }

    public IReadOnlyList<MatchTarget<KnownObjection>> Objections { get; }

    public IReadOnlyList<MatchTarget<string>> TalkingPoints { get; }

    /// <summary>The customer's reported issues, by their text (or category when they have none).</summary>
    public IReadOnlyList<MatchTarget<string>> Issues { get; }

    /// <summary>The reported issues' names, as <see cref="Issues"/> holds them.</summary>
    public IReadOnlyList<string> IssueNames { get; }

    /// <summary>The semantic understanding layer, when configured (<c>Conversation:Understanding:Semantic</c>).</summary>
    public SemanticIntents? Semantics { get; init; }

    /// <summary>Content words of the goal, talking points and FAQ questions: what this campaign is about.</summary>
    public IReadOnlySet<string> Topics { get; }
}

/// <summary>A script objection and what it is about.</summary>
public sealed record KnownObjection(ScriptObjection Objection, ObjectionKind Kind);

/// <summary>What an objection is about, so the dialogue can act on it as well as answer it.</summary>
public enum ObjectionKind
{
    Other,
    Busy,
    NotInterested,
    OptOut,
}
