using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// Reduces a sentence to the words that carry its meaning, so two phrasings of one question compare equal: lower
/// case, contractions expanded, filler words dropped, crude stems, and a few synonyms folded into one word.
/// </summary>
public static partial class TextTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "i", "me", "my", "mine", "you", "your", "yours", "we", "our", "us", "it", "its", "is", "are",
        "am", "was", "were", "be", "been", "being", "do", "does", "did", "to", "of", "in", "on", "at", "for", "with",
        "about", "and", "or", "but", "so", "that", "this", "these", "those", "there", "here", "what", "how", "will",
        "would", "can", "could", "should", "shall", "may", "might", "must", "if", "then", "just", "really", "please",
        "ok", "okay", "yes", "well", "oh", "um", "uh", "hi", "hello", "have", "has", "had", "get", "got", "any", "some",
        "anything", "something", "from", "by", "as", "up", "out", "go", "going", "gone", "let", "tell", "know", "say",
        "said", "which", "who", "whom", "when", "where", "they", "them", "their", "he", "she", "his", "her", "him", "all",
        "also", "very", "too", "much", "many", "more", "still", "again", "now", "one", "im", "ive", "id", "youre",
        "thats", "whats", "theres", "actually", "sure", "like", "think", "want", "need", "right", "s", "t", "ll", "re",
        "ve", "d", "m",
    };

    // Words people use for the same thing on the phone; each group folds into its first word.
    private static readonly Dictionary<string, string> Synonyms = BuildSynonyms(
        ["cost", "price", "charge", "fee", "pay", "expensive", "cheap", "free", "money", "afford"],
        ["credit", "refund", "compensation", "reimburse", "reimbursement", "discount"],
        ["power", "outage", "blackout", "electricity", "electric", "cut", "cuts"],
        ["reason", "why", "cause", "caus"],
        ["time", "long", "minute", "hour", "duration", "quick"],
        ["safe", "safety", "drink", "drinkable", "clean", "contaminat"],
        ["data", "privacy", "private", "personal"],
        ["install", "installation", "fit", "fitting", "visit", "appointment"],
        ["technician", "engineer", "repairman", "crew"],
        ["bill", "billing", "invoice", "statement"],
        ["genuine", "real", "legit", "legitimate", "scam", "fraud"],
        ["busy", "occupied", "meeting", "driving"],
        ["interest", "interested", "interesting"],
        ["fix", "fixed", "repair", "repaired", "resolve", "resolved", "solve", "solved", "sort", "sorted"]);

    /// <summary>Lower case, curly quotes straightened, contractions expanded, runs of spaces collapsed.</summary>
    public static string Normalize(string text)
    {
        var lower = Misheard(text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\''));
        var builder = new StringBuilder(lower.Length + 16);
        foreach (var word in lower.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "I don't, uh, really know": a hesitation inside a line is no word of it.
            if (builder.Length > 0 && Hesitation().IsMatch(word))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Expand(word));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text with speech recognition's spellings of a few words put right ("powr keeps gowing off at nite"), for
    /// reading by meaning; a text without any is returned as it is.
    /// </summary>
    public static string Respelled(string text)
    {
        var lower = text.ToLowerInvariant();
        return MisheardDay().IsMatch(lower) ? Misheard(lower) : text;
    }

    /// <summary>The meaning-carrying words of <paramref name="text"/>, stemmed and with synonyms folded.</summary>
    public static HashSet<string> Content(string text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(Normalize(text)))
        {
            if (StopWords.Contains(word))
            {
                continue;
            }

            var stem = Stem(word);
            tokens.Add(Synonyms.GetValueOrDefault(stem) ?? Synonyms.GetValueOrDefault(word) ?? stem);
        }

        return tokens;
    }

    /// <summary>The words of an already normalised text, without punctuation.</summary>
    public static IEnumerable<string> Words(string normalized)
    {
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var isWord = i < normalized.Length && (char.IsLetterOrDigit(normalized[i]) || normalized[i] == '\'');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var word = normalized[start..i].Trim('\'').Replace("'", "", StringComparison.Ordinal);
                if (word.Length > 0)
                {
                    yield return word;
                }

                start = -1;
            }
        }
    }

    public static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && (word.EndsWith("ses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) ||
                                word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    // Day and time words as speech recognition often spells them: "tomorow", "tommorrow", "wendsday", "thurday",
    // "tonite", "at nite", "tomoro"; and "power kuts", "the lites flikker", "my bil is to hi", "cal me bak", "cant tlk", "powr keeps gowing off", "the brekaer keeps triping".
    private static string Misheard(string lower) => MisheardDay().Replace(lower, m => m.Value switch
    {
        "tonite" => "tonight",
        "nite" => "night",
        "kuts" => "cuts",
        "kut" => "cut",
        "bak" or "bck" => "back",
        "cal" => "call",
        "tlk" => "talk",
        "powr" or "pwr" => "power",
        "gowing" => "going",
        "wen" => "when",
        "triping" => "tripping",
        "lite" => "light",
        "lites" => "lights",
        "bil" => "bill",
        "bils" => "bills",
        "hi" => "high",
        _ when m.Value.StartsWith("flik", StringComparison.Ordinal) => "flick" + m.Value.TrimStart('f', 'l', 'i', 'k'),
        _ when m.Value.StartsWith("br", StringComparison.Ordinal) => "breaker",
        _ when m.Value.StartsWith('w') => "wednesday",
        _ when m.Value.StartsWith("th", StringComparison.Ordinal) => "thursday",
        _ => "tomorrow",
    });

    [GeneratedRegex(@"\b(?:to+m+o+r+o+w*|2mo+r+o+w*|tmrw|cal(?= (?:me|us|back|bak|bck)\b)|bck|tonite|nite|kuts?|bak|tlk|powr|pwr|gowing|wen|triping|lites?|bils?|(?<=\b(?:too|to|so|way to|very) )hi|flik+(?:er|ers|ering|erin)|brekae?r|breakr|breker|wed?n(?:e|s)?s?day|wensday|thu?rs?day|thursdy)\b")]
    private static partial Regex MisheardDay();

    [GeneratedRegex(@"^(?:u+h+|u+m+|e+r+m*|e+h+m+)[,.]*$")]
    private static partial Regex Hesitation();

    private static string Expand(string word) => word switch
    {
        "can't" or "cannot" => "can not",
        "won't" => "will not",
        "shan't" => "shall not",
        "i'm" => "i am",
        "ain't" => "am not",
        _ when word.Contains("n't", StringComparison.Ordinal) => word.Replace("n't", " not", StringComparison.Ordinal),
        _ => word,
    };

    private static Dictionary<string, string> BuildSynonyms(params string[][] groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var word in group)
            {
                map[word] = group[0];
                map[Stem(word)] = group[0];
            }
        }

        return map;
    }
}
