namespace Campaign.Conversation.Agent;

/// <summary>Keys of <c>ConversationSession.Memory</c>, the agent's state between turns (persisted with the call).</summary>
public static class MemoryKeys
{
    /// <summary>The script version the call uses, pinned at the first turn when the campaign did not pin one.</summary>
    public const string ScriptVersion = "script.version";

    /// <summary>Why the built-in script is used instead of the campaign's (e.g. the script does not exist).</summary>
    public const string ScriptFallback = "script.fallback";

    /// <summary>A callback time in the customer's words, as the follow-up was recorded.</summary>
    public const string CallbackPhrase = "callback.phrase";

    /// <summary>Why the model could not carry on ("timeout", "error: …"): the call was ended with an apology.</summary>
    public const string Failure = "failure";

    /// <summary>Why the call ended: customer, optOut, silence, maxTurns, maxSeconds, modelFailure.</summary>
    public const string EndReason = "end.reason";

    /// <summary>The customer's words that might have been an opt-out, while the agent waits for them to confirm it.</summary>
    public const string OptOutAsked = "optout.asked";

    /// <summary>The answer to capture question N (offline engine), e.g. <c>capture.0</c>.</summary>
    public const string CapturePrefix = "capture.";

    /// <summary>A customer question the script could not answer, e.g. <c>question.0</c>.</summary>
    public const string QuestionPrefix = "question.";

    /// <summary>The offline engine's dialogue state.</summary>
    public const string OfflinePrefix = "offline.";

    public static IEnumerable<(int Index, string Value)> Numbered(IReadOnlyDictionary<string, string> memory, string prefix) =>
        memory.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(m.Key[prefix.Length..], out _))
            .Select(m => (int.Parse(m.Key[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture), m.Value))
            .OrderBy(m => m.Item1);

    public static void AddNumbered(IDictionary<string, string> memory, string prefix, string value)
    {
        var index = 0;
        while (memory.ContainsKey(prefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            index++;
        }

        memory[prefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = value;
    }
}
