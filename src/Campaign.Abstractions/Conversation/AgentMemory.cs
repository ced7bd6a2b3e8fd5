using System.Globalization;

namespace Campaign.Abstractions.Conversation;

/// <summary>What the agent keeps between the turns of one call, beside the transcript and the facts it recorded.</summary>
[GenerateSerializer, Alias("Campaign.AgentMemory")]
public sealed class AgentMemory
{
    /// <summary>The script version the call uses, pinned at the first turn when the campaign did not pin one.</summary>
    [Id(0)]
    public int? ScriptVersion { get; set; }

    /// <summary>Why the built-in script is used instead of the campaign's (e.g. the script does not exist).</summary>
    [Id(1)]
    public string? ScriptFallback { get; set; }

    /// <summary>A callback time in the customer's words, as the follow-up was recorded.</summary>
    [Id(2)]
    public string? CallbackPhrase { get; set; }

    /// <summary>Why the model could not carry on ("timeout", "error: …"): the call was ended with an apology.</summary>
    [Id(3)]
    public string? Failure { get; set; }

    /// <summary>When the model failed for good: when to call the customer again; null when they must be left alone.</summary>
    [Id(4)]
    public DateTimeOffset? CallAgainAt { get; set; }

    /// <summary>Notes for the operations team about model faults that shaped the outcome, in the order they were written.</summary>
    [Id(5)]
    public List<string> Notes { get; init; } = [];

    /// <summary>Why the call ended (agent, optOut, silence, maxTurns, maxSeconds, modelFailure); null while it goes on.</summary>
    [Id(6)]
    public string? EndReason { get; set; }

    /// <summary>The customer's words that might have been an opt-out, while the agent waits for them to confirm it.</summary>
    [Id(7)]
    public string? OptOutAsked { get; set; }

    /// <summary>The answers to the script's capture questions, by the question's index (offline engine).</summary>
    [Id(8)]
    public Dictionary<int, string> Captures { get; init; } = [];

    /// <summary>Customer questions the script could not answer, for the team to follow up.</summary>
    [Id(9)]
    public List<string> Questions { get; init; } = [];

    /// <summary>Where the offline engine is in the script.</summary>
    [Id(10)]
    public DialogueState Dialogue { get; set; } = new();

    /// <summary>The customer answered "no" to "Would you like us to stop calling you?": a line that only might be an opt-out is not asked about again.</summary>
    [Id(11)]
    public bool OptOutDeclined { get; set; }

    /// <summary>Adds a note unless the same note is already there (a conclusion may run again).</summary>
    public void AddNote(string note)
    {
        if (!Notes.Contains(note, StringComparer.Ordinal))
        {
            Notes.Add(note);
        }
    }

    public AgentMemory Copy() => new()
    {
        ScriptVersion = ScriptVersion,
        ScriptFallback = ScriptFallback,
        CallbackPhrase = CallbackPhrase,
        Failure = Failure,
        CallAgainAt = CallAgainAt,
        Notes = [.. Notes],
        EndReason = EndReason,
        OptOutAsked = OptOutAsked,
        Captures = new Dictionary<int, string>(Captures),
        Questions = [.. Questions],
        Dialogue = Dialogue.Copy(),
        OptOutDeclined = OptOutDeclined,
    };

    /// <summary>
    /// The memory as calls stored it before it was typed: one string per key ("script.version", "capture.0",
    /// "offline.step", …). Keys it does not know are dropped; they meant nothing to any version.
    /// </summary>
    public static AgentMemory FromKeys(IReadOnlyDictionary<string, string> keys) => new()
    {
        ScriptVersion = int.TryParse(keys.GetValueOrDefault("script.version"), CultureInfo.InvariantCulture, out var version) ? version : null,
        ScriptFallback = keys.GetValueOrDefault("script.fallback"),
        CallbackPhrase = keys.GetValueOrDefault("callback.phrase"),
        Failure = keys.GetValueOrDefault("failure"),
        CallAgainAt = DateTimeOffset.TryParse(keys.GetValueOrDefault("failure.callAgainAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
        Notes = [.. Numbered(keys, "note.").Select(n => n.Value)],
        EndReason = keys.GetValueOrDefault("end.reason"),
        OptOutAsked = keys.GetValueOrDefault("optout.asked"),
        Captures = Numbered(keys, "capture.").ToDictionary(c => c.Index, c => c.Value),
        Questions = [.. Numbered(keys, "question.").Select(q => q.Value)],
        Dialogue = new DialogueState
        {
            Step = Enum.TryParse<DialogueStep>(keys.GetValueOrDefault("offline.step"), out var step) ? step : DialogueStep.Interest,
            Resume = Enum.TryParse<DialogueStep>(keys.GetValueOrDefault("offline.resume"), out var resume) ? resume : DialogueStep.Interest,
            Capture = Int(keys, "offline.capture"),
            Unclear = Int(keys, "offline.unclear"),
            Points = Int(keys, "offline.points"),
            Probed = keys.ContainsKey("offline.probed"),
        },
    };

    private static IEnumerable<(int Index, string Value)> Numbered(IReadOnlyDictionary<string, string> keys, string prefix) =>
        keys.Where(k => k.Key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(k.Key[prefix.Length..], CultureInfo.InvariantCulture, out _))
            .Select(k => (int.Parse(k.Key[prefix.Length..], CultureInfo.InvariantCulture), k.Value))
            .OrderBy(k => k.Item1);

    private static int Int(IReadOnlyDictionary<string, string> keys, string key) =>
        int.TryParse(keys.GetValueOrDefault(key), CultureInfo.InvariantCulture, out var value) ? value : 0;
}
