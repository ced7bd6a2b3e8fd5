using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>What a question asks after: its price, how long it takes, who does it. A script's FAQ answers one kind each.</summary>
[Flags]
public enum QuestionKinds
{
    None = 0,
    Cost = 1,
    Duration = 2,
    Person = 4,
}

/// <summary>
/// Reads the kinds of a question from its words, so "What's it gonna set me back?" finds the answer to "How much does
/// the inspection cost?" although they share no word, and "An inspection?" is not taken for "Who does the inspection?".
/// </summary>
public static partial class QuestionKind
{
    public static QuestionKinds Of(string text)
    {
        var normalized = TextTokens.Normalize(text);
        var kinds = QuestionKinds.None;
        if (Cost().IsMatch(normalized))
        {
            kinds |= QuestionKinds.Cost;
        }

        if (Duration().IsMatch(normalized))
        {
            kinds |= QuestionKinds.Duration;
        }

        if (Person().IsMatch(normalized) && !Identity().IsMatch(normalized))
        {
            kinds |= QuestionKinds.Person;
        }

        return kinds;
    }

    [GeneratedRegex(@"\bhow much\b(?! (?:time|longer)\b)|\b(?:cost|costs|costing|price|prices|pricing|priced|charge|charges|charged|charging|fee|fees|pay|paying|payment|expensive|pricey|cheap|free|money|afford|catch|quote|quoted|bucks|dollars|budget)\b|\bset (?:me|us|you) back\b|\bthe damage\b|\bout of (?:my|our) pocket\b")]
    private static partial Regex Cost();

    [GeneratedRegex(@"\bhow long\b|\bhow much time\b|\b(?:take|takes|taking) (?:long|ages|all day)\b|\bhow many (?:hours|minutes)\b|\bhow quick\w*\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\bwho\b|\bwhich (?:company|firm|engineer|electrician|technician|contractor)\b|\bwhat (?:kind|sort) of (?:person|people|engineer|electrician|technician)\b")]
    private static partial Regex Person();

    // "Who is this?", "who am I talking to?": the caller asks who is calling, not who does the work.
    [GeneratedRegex(@"\bwho (?:is this|are you|is calling|is speaking|am i (?:speaking|talking) to|is on the line|gave you)\b|\bwho did you say (?:you (?:are|were)|this is|was calling|is calling)\b")]
    private static partial Regex Identity();
}
