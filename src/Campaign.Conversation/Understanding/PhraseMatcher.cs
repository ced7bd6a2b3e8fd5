namespace Campaign.Conversation.Understanding;

/// <summary>A script phrase (an FAQ question, an objection, a talking point) with its content words, ready to match.</summary>
public sealed class MatchTarget<T>(string text, T item)
{
    public string Text { get; } = text;

    public T Item { get; } = item;

    public HashSet<string> Tokens { get; } = TextTokens.Content(text);
}

/// <summary>Finds the script phrase a customer's words are closest to, by the content words they share.</summary>
public static class PhraseMatcher
{
    /// <summary>
    /// The best target that shares enough words with <paramref name="tokens"/>: at least half of the target's words
    /// and at least two of them (one when the target has a single word); null when none does.
    /// </summary>
    public static MatchTarget<T>? Best<T>(HashSet<string> tokens, IReadOnlyList<MatchTarget<T>> targets, double minCoverage = 0.5)
    {
        MatchTarget<T>? best = null;
        var bestScore = 0.0;
        foreach (var target in targets)
        {
            var score = Score(tokens, target.Tokens, minCoverage);
            if (score > bestScore)
            {
                best = target;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>0 when the phrases do not match; otherwise higher for a closer match.</summary>
    public static double Score(HashSet<string> tokens, HashSet<string> target, double minCoverage = 0.5)
    {
        if (tokens.Count == 0 || target.Count == 0)
        {
            return 0;
        }

        var common = 0;
        foreach (var token in target)
        {
            if (tokens.Contains(token))
            {
                common++;
            }
        }

        var coverage = (double)common / target.Count;
        if (common < Math.Min(2, target.Count) || coverage < minCoverage)
        {
            return 0;
        }

        var precision = (double)common / tokens.Count;
        return (coverage * 0.7) + (precision * 0.3);
    }
}
