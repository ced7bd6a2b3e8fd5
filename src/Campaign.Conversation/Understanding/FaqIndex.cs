using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// The script's FAQ as the customer's questions find it: by shared words, where an entry that asks after a price, a
/// duration or a person only answers a line that asks after the same; and by that kind alone for a question whose words
/// match no entry ("What's it gonna set me back?"), when one entry only is of its kind.
/// </summary>
public sealed class FaqIndex
{
    private readonly IReadOnlyList<MatchTarget<ScriptFaq>> _entries;
    private readonly Dictionary<MatchTarget<ScriptFaq>, QuestionKinds> _kinds;

    public FaqIndex(IEnumerable<ScriptFaq> faq)
    {
        _entries = faq.Select(f => new MatchTarget<ScriptFaq>(f.Question, f)).ToList();
        _kinds = _entries.ToDictionary(e => e, e => QuestionKind.Of(e.Text));
    }

    public IReadOnlyList<MatchTarget<ScriptFaq>> Entries => _entries;

    /// <summary>The entry that answers <paramref name="text"/>, or null.</summary>
    public ScriptFaq? Find(string text, HashSet<string> tokens, bool isQuestion)
    {
        var asked = QuestionKind.Of(text);
        var agreeing = _entries.Where(e => _kinds[e] == QuestionKinds.None || (_kinds[e] & asked) != 0).ToList();
        if (PhraseMatcher.Best(tokens, agreeing, isQuestion ? 0.5 : 0.8) is { } matched)
        {
            return matched.Item;
        }

        if (!isQuestion || asked == QuestionKinds.None)
        {
            return null;
        }

        var ofKind = _entries.Where(e => (_kinds[e] & asked) != 0).Take(2).ToList();
        return ofKind.Count == 1 ? ofKind[0].Item : null;
    }
}
