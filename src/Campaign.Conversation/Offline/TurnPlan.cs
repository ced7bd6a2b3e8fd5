namespace Campaign.Conversation.Offline;

/// <summary>What the offline engine decided for one turn: the functions to call, in order, and the words to say.</summary>
public sealed class TurnPlan
{
    private readonly List<PlannedCall> _calls = [];
    private readonly List<string> _sentences = [];

    public IReadOnlyList<PlannedCall> Calls => _calls;

    public string Text => string.Join(' ', _sentences);

    public bool Silent => _sentences.Count == 0;

    public void Call(string function, params (string Name, string? Value)[] arguments) =>
        _calls.Add(new PlannedCall(function, arguments.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => (object?)a.Value)));

    public void Say(string? sentence)
    {
        if (!string.IsNullOrWhiteSpace(sentence))
        {
            _sentences.Add(sentence.Trim());
        }
    }
}

public sealed record PlannedCall(string Function, IReadOnlyDictionary<string, object?> Arguments);
