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

    /// <summary>
    /// When the model failed for good during the call: the instant (round-trip format) the customer is to be called
    /// again, absent when they asked to be left alone or opted out.
    /// </summary>
    public const string CallAgainAt = "failure.callAgainAt";

    /// <summary>A note for the operations team about a model fault that shaped the outcome, e.g. <c>note.0</c>.</summary>
    public const string NotePrefix = "note.";

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

    /// <summary>The notes of the call (<see cref="NotePrefix"/>), in the order they were written.</summary>
    public static IReadOnlyList<string> Notes(IReadOnlyDictionary<string, string> memory) => Numbered(memory, NotePrefix).Select(n => n.Value).ToList();

    /// <summary>Adds a note unless the same note is already there (a conclusion may run again).</summary>
    public static void AddNote(Dictionary<string, string> memory, string note)
    {
        if (!Notes(memory).Contains(note, StringComparer.Ordinal))
        {
            AddNumbered(memory, NotePrefix, note);
        }
    }

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
