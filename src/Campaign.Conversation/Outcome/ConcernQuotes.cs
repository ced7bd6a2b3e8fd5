using Campaign.Abstractions.Calls;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// Keeps, for each concern of a call, the customer's own line it came from: the line sharing the most words with the
/// concern (the earliest on a tie), cut to <see cref="MaxLength"/> characters. A concern no line shares a word with (a
/// model's paraphrase) gets no quote rather than a wrong one.
/// </summary>
public static class ConcernQuotes
{
    public const int MaxLength = 240;

    public static IReadOnlyList<ConcernQuote> From(IEnumerable<TranscriptLine> transcript, IEnumerable<string> concerns)
    {
        var lines = transcript
            .Where(l => l.Speaker == Speaker.Customer)
            .Select(l => l.Text.Replace("[interrupted]", "", StringComparison.Ordinal).Trim())
            .Where(t => t.Length > 0)
            .Select(t => (Text: t, Words: TextTokens.Content(t)))
            .ToList();
        var quotes = new List<ConcernQuote>();
        foreach (var concern in concerns)
        {
            var words = TextTokens.Content(concern);
            var best = lines.Select(l => (l.Text, Shared: l.Words.Count(words.Contains))).Where(l => l.Shared > 0)
                .OrderByDescending(l => l.Shared).Select(l => l.Text).FirstOrDefault();
            if (best is not null)
            {
                quotes.Add(new ConcernQuote(concern, best.Length <= MaxLength ? best : best[..(MaxLength - 1)].TrimEnd() + "…"));
            }
        }

        return quotes;
    }
}
