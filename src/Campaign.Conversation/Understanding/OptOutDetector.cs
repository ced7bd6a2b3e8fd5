using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// Recognises a request never to be called again. It runs outside the model, on every customer line, so such a
/// request is honoured whatever the model makes of it. "Don't call me before 5" is not an opt-out; "don't call me" is.
/// </summary>
public static partial class OptOutDetector
{
    public static bool IsOptOut(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = TextTokens.Normalize(text);
        if (Anywhere().IsMatch(normalized))
        {
            return true;
        }

        foreach (var sentence in Sentences().Split(normalized))
        {
            if (WholeSentence().IsMatch(sentence.Trim()))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(
        @"\b(stop|quit|cease) (calling|phoning|ringing|contacting|bothering|harassing)\b" +
        @"|\b(do not|never) (ever )?(call|phone|ring|contact) (me|us|this number|here)( ever)? (again|anymore|any more)\b" +
        @"|\bnever (call|phone|ring|contact) (me|us|this number|here)\b" +
        @"|\bdo[ -]not[ -]call list\b" +
        @"|\bleave me alone\b" +
        @"|\btake (me|us|my number|this number|my name) off\b" +
        @"|\bremove (me|us|my number|this number|my name) from\b" +
        @"|\bunsubscribe\b" +
        @"|\bno more (calls|phone calls)\b" +
        @"|\bopt(ing)? me out\b|\bi (want to |would like to )?opt out\b")]
    private static partial Regex Anywhere();

    // A short command that is the whole sentence: "Don't call me." "Do not call again!"
    [GeneratedRegex(@"^(please )?(just )?(do not|never) (call|phone|ring|contact)( me| us| this number)?( again| anymore| any more)?( please)?[.!]*$")]
    private static partial Regex WholeSentence();

    [GeneratedRegex(@"(?<=[.!?;])\s+|,\s+(?=(please|and|so|just)\b)")]
    private static partial Regex Sentences();
}
