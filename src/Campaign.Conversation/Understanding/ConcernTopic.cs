using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// A concern as a topic: a short noun phrase ("power cuts at night", "flickering lights", "price of the inspection") in
/// lower case, without the words around it ("I'm worried about the…", "…to be honest"), named as the customer's reported
/// issue when it is that issue. A courtesy ("great, thank you"), a time ("any morning works for me"), a bare yes or no, a
/// question about the call itself ("who is this?") or a denial ("nothing really") names no topic.
/// </summary>
public static partial class ConcernTopic
{
    /// <summary>The longest topic kept, in words; a longer concern is cut at its first clause, then at this length.</summary>
    public const int MaxWords = 10;

    /// <summary>The topic <paramref name="concern"/> names, or null when it names none.</summary>
    /// <param name="concern">A concern as recorded or said.</param>
    /// <param name="issues">The customer's reported issues: a concern that is one of them is named as it.</param>
    public static string? Of(string concern, IReadOnlyList<MatchTarget<string>>? issues = null)
    {
        if (string.IsNullOrWhiteSpace(concern))
        {
            return null;
        }

        var text = TextTokens.Normalize(concern.Replace("[interrupted]", "", StringComparison.Ordinal)).Trim();
        var aboutTheCall = text.EndsWith('?') || UtteranceAnalyzer.AsksForCallbackOrIdentity(text);
        if (aboutTheCall && !Problem().IsMatch(text))
        {
            return null;
        }

        var clause = Clause().Split(text).Select(c => c.Trim()).FirstOrDefault(c => Substance(c).Count > 0 && !Rhetoric().IsMatch(c));
        if (clause is null)
        {
            return null;
        }

        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords);
        var topic = Trail().Replace(Lead().Replace(string.Join(' ', words), ""), "").Trim(' ', ',', '.', '!', '?', ';', ':', '"', '\'');
        topic = NounPhrase(topic);
        if (topic.Length < 3 || Substance(topic).Count == 0)
        {
            return null;
        }

        // "Charged twice": how often is the concern itself when nothing else but the verb is left.
        var at = text.IndexOf(topic, StringComparison.Ordinal);
        if (!topic.Contains(' ') && at >= 0 && Repeated().Match(text, at + topic.Length) is { Success: true } repeated)
        {
            topic += repeated.Value;
        }

        if (issues is { Count: > 0 } && PhraseMatcher.Best(TextTokens.Content(topic), issues, minCoverage: 0.6) is { Tokens.Count: > 1 } issue)
        {
            return issue.Item.Trim();
        }

        return topic;
    }

    /// <summary>
    /// The thing a clause is about when the clause names one by its noun phrase and says something of it ("the electric
    /// shower keeps cutting out" → "electric shower"); null when the clause is not so shaped or names a place or people
    /// ("the whole house goes dark", "the kids are scared").
    /// </summary>
    public static string? ThingOf(string clause)
    {
        var text = Clause().Split(TextTokens.Normalize(clause).Trim())[0].Trim();
        var topic = Trail().Replace(Lead().Replace(text, ""), "").Trim(' ', ',', '.', '!', '?', ';', ':', '"', '\'');
        var head = Verb().Split(topic, 2)[0].Trim(' ', ',');
        if (head.Length >= topic.Length)
        {
            return null;
        }

        var thing = NounPhrase(topic);
        var words = Substance(thing);
        return thing.Length < topic.Length && words.Count >= 2 && !words.Any(NotAThing.Contains) && Fault().IsMatch(topic[thing.Length..]) ? thing : null;
    }

    private static readonly HashSet<string> NotAThing = new(StringComparer.Ordinal)
    {
        "whole", "house", "home", "place", "flat", "street", "road", "area", "neighbours", "neighbors", "kids", "children",
        "family", "wife", "husband", "everyone", "everybody", "people", "lot", "guys", "owner", "owners", "previous",
        "landlord", "tenants", "builders", "neighbour", "neighbor",
    };

    // What is wrong with a thing: "keeps cutting out", "is dead", "stopped working", "sparks", "keeps resetting itself".
    [GeneratedRegex(@"\b(reset\w*|stick(s|ing)|jamm\w*|jams|wobbl\w*|grind\w*|rattl\w*|scorch\w*|melt\w*|shock\w*|cut\w*|los(es|ing|t) power|stopp\w*|stops|broke\w*|dead|not work\w*|fail\w*|spark\w*|hot|noise|noisy|hum\w*|buzz\w*|leak\w*|flicker\w*|trip\w*|off|out|dodgy|faulty|wrong|smell\w*|stuck|crackl\w*|overheat\w*|(?:will|does|did|would|can) not \w+)\b")]
    private static partial Regex Fault();

    /// <summary>Whether a question names a problem ("is it really free?", "will it be safe?"), which makes it a concern too.</summary>
    public static bool NamesProblem(string text) => Problem().IsMatch(TextTokens.Normalize(text));

    // The noun phrase before the clause's verb ("outside security light buzzes all night" → "outside security light",
    // "electric car charger we had installed" → "electric car charger"), when it names something by itself: two words
    // of substance at least, so "lights keep flickering" and "bill has doubled" keep their verb.
    private static string NounPhrase(string topic)
    {
        var head = Verb().Split(topic, 2)[0].Trim(' ', ',');
        if (head.Length < topic.Length && Substance(head).Count < 2)
        {
            return topic;
        }

        // Where the thing is ("outdoor sockets in the garden", "transformer box on the corner") is not what it is, when
        // the words before it name it by themselves.
        var thing = Place().Split(head, 2)[0].Trim(' ', ',');
        return thing.Length < head.Length && Substance(thing).Count >= 2 ? thing : head;
    }

    /// <summary>
    /// The words of a phrase that could name a concern: its content words less courtesies, times, yes and no, fillers
    /// and denials. "Any morning works for me" and "great, thank you" have none.
    /// </summary>
    public static IReadOnlyList<string> Substance(string phrase) =>
        Words().Matches(TextTokens.Normalize(phrase)).Select(m => m.Value)
            .Where(w => !NotATopic.Contains(w) && !w.All(char.IsDigit) && TextTokens.Content(w).Count > 0)
            .ToList();

    private static readonly HashSet<string> NotATopic = new(StringComparer.Ordinal)
    {
        // courtesies, greetings and leave-taking
        "thanks", "thank", "cheers", "great", "lovely", "brilliant", "perfect", "fine", "good", "nice", "fab", "fantastic",
        "wonderful", "super", "cool", "alright", "bye", "goodbye", "day", "afternoon", "evening", "morning", "night", "welcome",
        "appreciate", "appreciated", "kind", "kindly", "sorry", "pardon", "hey", "hiya", "yeah", "yep", "yup", "nope", "nah",
        "no", "not", "none", "nothing", "course", "absolutely", "definitely", "certainly", "maybe", "perhaps", "mean",
        // times
        "today", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "weekend", "week", "weekday", "weekdays", "am", "pm", "o'clock", "oclock", "noon", "midday", "lunch", "lunchtime",
        "later", "soon", "early", "earlier", "next", "after", "before", "around", "works", "work", "suits", "suit", "free",
        "available", "best", "time", "times", "any", "anytime", "whenever", "every", "mornings", "evenings", "afternoons",
        // the call itself
        "call", "calls", "calling", "ring", "ringing", "rang", "phoning", "back", "bot", "robot", "human", "person", "speaking", "line", "hear", "hearing",
        "worried", "worry", "worries", "concern", "concerned", "concerns", "honest", "honestly", "really", "much", "bit",
        "thing", "things", "everything", "anything", "lot",
    };

    // What makes a question a concern rather than a question about the call: "will the power keep cutting out?", "what's
    // this going to set me back?".
    [GeneratedRegex(@"\b(problems?|issues?|trouble|broken|cut\w*|outages?|flicker\w*|leak\w*|cost|price|fee|charge|expensive|money|set (me|us) back|safe|safety|damage|mess)\b")]
    private static partial Regex Problem();

    [GeneratedRegex(@"\G (twice|three times)\b")]
    private static partial Regex Repeated();

    // Clauses, and the words of when or how often that follow a topic ("the lights flicker when the kettle's on",
    // "a burning smell near the sockets sometimes", "bills have doubled since the summer").
    [GeneratedRegex(@"[.!?;]|,? but |,? although |,? so |,? because |, if | and (i|we)('d|'m|'ve|'re)? |, (it|it is|it's|it has|we|they|that is|that's|which|and we|and it|my|our|nobody|no one) |\s(since|whenever|when|every (time|night|day|evening|week)|sometimes|lately|recently|in the last|for (weeks|months|ages|a while|a month|a week|years)|all the time|twice|three times|at the moment|(?:some|most|many|on) (?:mornings|nights|evenings|afternoons|days|weekends))\b")]
    private static partial Regex Clause();

    [GeneratedRegex(@"^((no|yes|yeah|well|oh|um|uh|erm|honestly|so|and|just|mainly|mostly|really|there's|there is|there are|we have got|we've got|we have|we had|i have got|i've got|i have|we lost|i am|i'm|we are|i was|i would say|i suppose|i guess|i think|probably|the|a|an|my|our|your|that|this|those|these|about|with|of|it is|it's|there are|there is|worried|concerned|worried about|concerned about|the fact that|how|what about|only that|only|i would want to know|i want to know|main worry is|biggest worry is|the main thing is|main thing is|worry is|actually|whether|if|(two|a couple of|a few) things:?|maybe|perhaps|sometimes|often|usually|occasionally|every so often|now and then|the fact)[,.]?\s+)+")]
    private static partial Regex Lead();

    [GeneratedRegex(@"(,?\s+(too|as well|though|really|anymore|at the moment|right now|if i am (being )?honest|to be honest|to be fair|that worries me|thanks|thank you|please|i suppose|i guess|mainly|mostly))+$")]
    private static partial Regex Trail();

    [GeneratedRegex(@"\s(?:is|are|was|were|goes|went|has|have|had|gets|got|looks|seems|does|did|do not|will not|can not|never|always|buzz(?:es)?|rubs|trips|sparks|flickers|smells|makes|blows|burns|leaks|hums|stops|stopped|keeps|kept|fill|fills|filled|loses|lost|sags|rattles|crackles|spits|shorts|dies|died|gives|gave|takes|took|we|i|they|which|that|who|if|while|and it|and they)\b")]
    private static partial Regex Verb();

    // A clause that only leads into the answer: "where do I start", "let me think".
    [GeneratedRegex(@"^(well |oh |erm |um )?(where do i (even )?start|let me think|let me see|how (can|do|shall) i put (it|this)|what can i say)\W*$")]
    private static partial Regex Rhetoric();

    [GeneratedRegex(@"\s(?:in|on|at|by|outside|behind|under|upstairs|downstairs) (?:the|our|my|a|their)\b")]
    private static partial Regex Place();

    [GeneratedRegex(@"[a-z0-9']+")]
    private static partial Regex Words();
}
