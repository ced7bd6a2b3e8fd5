using System.Text;
using Campaign.Abstractions.Calls;

namespace Campaign.Abstractions.Storage;

/// <summary>
/// Groups a campaign's concerns by topic for its statistics, the same for every store: "The power cuts", "power cut"
/// and "power cuts" are one topic, named by its most frequent spelling (in lower case). Each topic keeps up to
/// <see cref="ConcernCount.MaxExamples"/> different things callers said about it: the first ones added, or the latest when a call is added as the newest.
/// </summary>
public sealed class ConcernTally
{
    private static readonly HashSet<string> Leading = new(StringComparer.Ordinal) { "the", "a", "an", "my", "our", "their", "your", "some" };

    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);

    /// <summary>One call's concerns and the quotes it kept for them; a call added as <paramref name="newest"/> puts its quotes first.</summary>
    public void Add(IEnumerable<string> concerns, IEnumerable<ConcernQuote>? quotes, bool newest = false)
    {
        var said = (quotes ?? []).Where(q => !string.IsNullOrWhiteSpace(q.Quote)).ToList();
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concern in concerns)
        {
            var name = concern.Trim().ToLowerInvariant();
            var key = Key(name);
            if (key.Length == 0 || !counted.Add(key))
            {
                continue;
            }

            if (!_topics.TryGetValue(key, out var topic))
            {
                _topics[key] = topic = new Topic();
            }

            topic.Count++;
            topic.Spellings[name] = topic.Spellings.GetValueOrDefault(name) + 1;
            foreach (var quote in said.Where(q => Key(q.Concern.Trim().ToLowerInvariant()) == key))
            {
                var text = quote.Quote.Trim();
                if (topic.Examples.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (newest)
                {
                    topic.Examples.Insert(0, text);
                    if (topic.Examples.Count > ConcernCount.MaxExamples)
                    {
                        topic.Examples.RemoveAt(topic.Examples.Count - 1);
                    }
                }
                else if (topic.Examples.Count < ConcernCount.MaxExamples)
                {
                    topic.Examples.Add(text);
                }
            }
        }
    }

    /// <summary>The <paramref name="top"/> topics raised most, then by name.</summary>
    public IReadOnlyList<ConcernCount> Top(int top) =>
        _topics.Values
            .Select(t => new ConcernCount(t.Name, t.Count, t.Examples.ToList()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Concern, StringComparer.Ordinal)
            .Take(top)
            .ToList();

    /// <summary>The grouping key of a topic: its words without a leading article or possessive, each without a plural "s".</summary>
    public static string Key(string concern)
    {
        var words = concern.ToLowerInvariant().Split([' ', '\t', ',', '.', '!', '?', ';', ':', '"'], StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(Leading.Contains);
        var key = new StringBuilder();
        foreach (var word in words)
        {
            key.Append(key.Length == 0 ? "" : " ").Append(word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word);
        }

        return key.ToString();
    }

    private sealed class Topic
    {
        public int Count { get; set; }

        public Dictionary<string, int> Spellings { get; } = new(StringComparer.Ordinal);

        public List<string> Examples { get; } = [];

        public string Name => Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
    }
}
