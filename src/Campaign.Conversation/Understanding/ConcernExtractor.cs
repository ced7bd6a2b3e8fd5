using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// Finds the concern in what a customer said: "I'm worried about power cuts at night" → "power cuts at night".
/// Explicit phrasings are read first; otherwise a complaint about one of the script's topics or the customer's
/// reported issues counts. A concern that matches a reported issue is named the way the issue was reported.
/// </summary>
public static partial class ConcernExtractor
{
    private const int MaxWords = 12;

    /// <param name="text">What the customer said.</param>
    /// <param name="issues">The customer's reported issues (text, else category), the canonical names of concerns.</param>
    /// <param name="topics">Content words of the script's talking points and questions.</param>
    public static ExtractedConcern? Extract(string text, IReadOnlyList<MatchTarget<string>> issues, IReadOnlySet<string> topics)
    {
        var normalized = TextTokens.Normalize(text);
        if (Denial().Match(normalized) is { Success: true } denial)
        {
            // "No worries apart from the fuse box clicking off now and then": the exception is the concern.
            return Excepted().Match(normalized, denial.Index) is { Success: true } excepted && Clean(excepted.Groups["c"].Value) is { } exception
                ? new ExtractedConcern(Canonical(exception, issues), IsClause: false)
                : null;
        }

        foreach (var pattern in (Regex[])[WhatWorriesMe(), Worried(), Named(), ProblemWith(), StillHaving(), DislikeOf(), WorriesMe()])
        {
            if (pattern.Match(normalized) is { Success: true } match && Clean(match.Groups["c"].Value) is { } concern)
            {
                var parts = Topics(match.Groups["c"].Value, concern, issues);
                return new ExtractedConcern(parts.Count == 1 ? parts[0] : concern, IsClause: false, parts);
            }
        }

        foreach (var pattern in (Regex[])[KeepsHappening(), IsBad()])
        {
            if (pattern.Match(normalized) is { Success: true } match && Clean(match.Value) is { } concern)
            {
                return new ExtractedConcern(Canonical(concern, issues), IsClause: true);
            }
        }

        return Complaint(normalized, issues, topics) is { } complaint ? new ExtractedConcern(complaint, IsClause: true) : null;
    }

    // A negative remark that names a reported issue or a script topic, with no explicit "worried about". "It's still
    // not fixed" names nothing, so it is put against the latest reported issue.
    private static string? Complaint(string normalized, IReadOnlyList<MatchTarget<string>> issues, IReadOnlySet<string> topics)
    {
        if (!Negative().IsMatch(normalized))
        {
            return null;
        }

        foreach (var sentence in Sentences().Matches(normalized).Select(m => m.Value.Trim()))
        {
            // A question about the topic ("will I get a credit for the outage?") is not a complaint, nor is a request to be
            // called again ("give me three hours and ring again").
            if (sentence.EndsWith('?') || !Negative().IsMatch(sentence) || UtteranceAnalyzer.AsksForCallbackOrIdentity(sentence))
            {
                continue;
            }

            var tokens = TextTokens.Content(sentence);
            var issue = PhraseMatcher.Best(tokens, issues);
            if (issue is not null)
            {
                return issue.Item;
            }

            if (tokens.Overlaps(topics) && Clean(sentence) is { } clause && clause.Split(' ').Length >= 2)
            {
                return Pronoun().IsMatch(Answer().Replace(sentence, "")) && issues.Count > 0 ? $"{issues[^1].Item}: {clause}" : clause;
            }
        }

        return null;
    }

    // "the old wiring, and the fuse box tripping" → two topics; a part too short to stand alone keeps the whole.
    private static IReadOnlyList<string> Topics(string said, string concern, IReadOnlyList<MatchTarget<string>> issues)
    {
        var parts = Conjunction().Split(Boundary().Split(said)[0]).Select(Clean).OfType<string>().ToList();
        if (parts.Count < 2 || parts.Any(p => p.Split(' ').Length < 2))
        {
            return [Canonical(concern, issues)];
        }

        return parts.Select(p => Canonical(p, issues)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Canonical(string concern, IReadOnlyList<MatchTarget<string>> issues)
    {
        var tokens = TextTokens.Content(concern);
        var issue = PhraseMatcher.Best(tokens, issues, minCoverage: 0.6);
        return issue is not null && issue.Tokens.Count > 1 ? issue.Item : concern;
    }

    private static string? Clean(string phrase)
    {
        var cut = Boundary().Split(phrase)[0];
        var words = cut.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords);
        var cleaned = Lead().Replace(string.Join(' ', words), "");
        cleaned = Trail().Replace(cleaned, "").Trim(' ', ',', '.', '!', '?', ';', ':', '"', '\'');
        return cleaned.Length < 3 || Filler().IsMatch(cleaned) ? null : cleaned;
    }

    [GeneratedRegex(@"\b(not|never|nothing|no longer) (really |too |that |at all )?(worried|concerned|a problem|an issue|worries|bothers)\b|\bno (concerns?|worries|problems?|issues?)\b|\bnothing (worries|bothers|concerns) me\b|\bdo not worry\b")]
    private static partial Regex Denial();

    [GeneratedRegex(@"\b(?:apart from|except(?: for)?|other than|besides|aside from) (?<c>[^.!?;]+)")]
    private static partial Regex Excepted();

    [GeneratedRegex(@"\b(worried|concerned|anxious|nervous|unhappy|not happy|upset|frustrated|annoyed|fed up|scared|afraid|worry|worrying|uneasy|bothered|stressed|wary|sick and tired) (about|with|by|of|over|that|because of) (?<c>[^.!?;]+)")]
    private static partial Regex Worried();

    [GeneratedRegex(@"\b(what|the (one |only |main |big |biggest )?thing( that)?) (worries|bothers|concerns|scares|annoys|stops|puts) (me|us)( off)?( most)? (is|are) (?<c>[^.!?;]+)")]
    private static partial Regex WhatWorriesMe();

    [GeneratedRegex(@"\b(concerns?|worry|worries|problems?|issues?|complaints?|fears?) (is|are|was|were|here is|would be|for me is) (that |about |with )?(?<c>[^.!?;]+)|\b(two|a few|a couple of) (things|concerns|worries)( really)?: (?<c>[^.!?;]+)")]
    private static partial Regex Named();

    [GeneratedRegex(@"\b(problems?|issues?|trouble|difficulties) with (?<c>[^.!?;]+)")]
    private static partial Regex ProblemWith();

    [GeneratedRegex(@"\bstill (having|getting|seeing|experiencing|have|get) (?<c>[^.!?;]+)|\b(we|i) keep (having|getting|losing) (?<c>[^.!?;]+)")]
    private static partial Regex StillHaving();

    [GeneratedRegex(@"\bi (do not|did not) like (?<c>[^.!?;]+)")]
    private static partial Regex DislikeOf();

    [GeneratedRegex(@"(?<c>[^.!?;,]+?) (worries|concerns|bothers|scares|annoys) me\b")]
    private static partial Regex WorriesMe();

    [GeneratedRegex(@"[^.!?;,]+? (keeps|kept) (happening|going off|going out|cutting out|dropping|failing|breaking|coming back)\b")]
    private static partial Regex KeepsHappening();

    [GeneratedRegex(@"[^.!?;,]+? (is|are|was|were|has been|have been|keeps being) (still )?(a problem|an issue|a worry|a concern|a nightmare|a pain|too (high|expensive|much|slow|low)|terrible|awful|dreadful|bad|broken|not working|unreliable|dodgy|dangerous|unsafe|worrying)\b")]
    private static partial Regex IsBad();

    [GeneratedRegex(@"\b(still|again|keeps?|problems?|issues?|trouble|broken|bad|terrible|awful|strange|weird|dirty|smells?|noisy|flicker\w*|leak\w*|dim|fed up|too (high|low|expensive|slow)|not working|does not work|stopped working|goes off|went off|cuts? out)\b")]
    private static partial Regex Negative();

    [GeneratedRegex(@",? and also |,? and | as well as ")]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"[^.!?;]+[.!?;]*")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"^\s*((no|yes|well|oh|honestly)[,]?\s+)+")]
    private static partial Regex Answer();

    [GeneratedRegex(@"^(it|it's|that|that's|this|they|they're|things?)\b")]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"[.!?;]|,? but |,? although |,? so | and (i|we) |, (my|it is|it has|we|they|that is|which|and we|and it) ")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^((no|yes|well|oh|honestly|i am|i'm|we are|the|my|our|that|this|about|it is|it's|there are|there is)[,]?\s+)+")]
    private static partial Regex Lead();

    [GeneratedRegex(@"(,?\s+(too|as well|though|really|anymore|at the moment|right now|if i am (being )?honest|to be honest|to be fair|that worries me|really))+$")]
    private static partial Regex Trail();

    [GeneratedRegex(@"^(it|that|this|things?|everything|anything|nothing|stuff|what|which)$")]
    private static partial Regex Filler();
}

/// <summary>
/// A concern and whether it is a whole clause ("bill is too high") rather than a thing ("power cuts at night").
/// <see cref="Topics"/> are the separate concerns in it: "the old wiring and the fuse box tripping" holds two.
/// </summary>
public sealed record ExtractedConcern(string Text, bool IsClause, IReadOnlyList<string>? Parts = null)
{
    public IReadOnlyList<string> Topics => Parts ?? [Text];
}
