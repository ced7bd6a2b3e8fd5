using System.Text;

namespace Campaign.Conversation.Agent;

/// <summary>
/// The reply as it is streamed: leading blanks and quotes are dropped, and trailing ones are held back until more
/// text follows, so the spoken tokens add up to the same trimmed text a whole reply would give.
/// </summary>
internal sealed class SpokenText
{
    private static readonly char[] Blank = [' ', '\t', '\r', '\n', '"'];
    private readonly StringBuilder _spoken = new();
    private string _held = "";

    public string Text => _spoken.ToString();

    /// <summary>Takes the next token of the model; returns what may be spoken now (possibly nothing).</summary>
    public string Add(string token)
    {
        var text = _held + token;
        if (_spoken.Length == 0)
        {
            text = text.TrimStart(Blank);
        }

        var speakable = text.TrimEnd(Blank);
        _held = text[speakable.Length..];
        _spoken.Append(speakable);
        return speakable;
    }

    /// <summary>Appends a line of the agent's own after what the model said; returns what to speak.</summary>
    public string Append(string line)
    {
        var text = _spoken.Length == 0 ? line : " " + line;
        _spoken.Append(text);
        return text;
    }
}
