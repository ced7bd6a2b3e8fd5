namespace Campaign.ConversationEval.Eval;

/// <summary>
/// Decides whether a recorded concern is a labelled one. Both are normalised to topic words: lower case, split on
/// anything that is not a letter or digit, common function words, courtesies and fillers dropped, a plural "s" cut
/// ("cuts" → "cut"). A recorded concern matches a label when they share at least half of the label's topic words and
/// at least half of the recorded concern's topic words: "the power cuts at night" and "power cuts at night" are one
/// topic, and "the inspection fee" matches "price of the inspection", but a long sentence that merely mentions the
/// power is not the topic "power cuts at night". Each label is
/// matched by at most one recorded concern; a recorded concern that matches no label is unvoiced (precision), a label
/// no recorded concern matches is missed (recall).
/// </summary>
public static class ConcernMatcher
{
    private static readonly HashSet<string> Ignored =
    [
        "a", "an", "the", "of", "at", "in", "on", "for", "to", "and", "or", "with", "about", "my", "our", "your", "me", "i", "im",
        "we", "it", "its", "is", "are", "was", "be", "been", "being", "that", "this", "these", "those", "there", "their", "s",
        "really", "very", "so", "just", "bit", "little", "quite", "too", "also", "well", "um", "uh", "erm", "oh", "yeah", "yes",
        "no", "not", "honestly", "worried", "concerned", "concern", "worry", "worries", "thing", "things", "please", "thanks",
        "thank", "you", "how", "what", "much", "will", "would", "going", "keeps", "keep", "being", "having", "get", "getting",
    ];

    /// <summary>The topic words of a concern or label.</summary>
    public static IReadOnlySet<string> Topic(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var current = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            if (c == '\'')
            {
                continue;
            }

            if (current.Length > 0)
            {
                var word = Stem(current.ToString());
                current.Clear();
                if (!Ignored.Contains(word))
                {
                    words.Add(word);
                }
            }
        }

        return words;
    }

    /// <summary>Whether <paramref name="recorded"/> names the labelled topic <paramref name="label"/>.</summary>
    public static bool Matches(string recorded, string label)
    {
        var r = Topic(recorded);
        var l = Topic(label);
        if (r.Count == 0 || l.Count == 0)
        {
            return false;
        }

        var shared = r.Count(l.Contains);
        return shared * 2 >= l.Count && shared * 2 >= r.Count;
    }

    /// <summary>Pairs recorded concerns with labels one to one, in order; returns how many recorded concerns matched.</summary>
    public static int Matched(IReadOnlyList<string> recorded, IReadOnlyList<string> labels)
    {
        var free = labels.ToList();
        var matched = 0;
        foreach (var concern in recorded)
        {
            var index = free.FindIndex(label => Matches(concern, label));
            if (index >= 0)
            {
                free.RemoveAt(index);
                matched++;
            }
        }

        return matched;
    }

    private static string Stem(string word) => word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
