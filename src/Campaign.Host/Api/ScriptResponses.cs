using Campaign.Abstractions.Scripts;

namespace Campaign.Host.Api;

/// <summary>One version of a script: its id, version and save time next to the fields of the definition.</summary>
public sealed record ScriptResponse(
    string Id,
    int Version,
    DateTimeOffset SavedAt,
    string Name,
    ScriptPersona Persona,
    string Goal,
    string Opening,
    IReadOnlyList<string> TalkingPoints,
    IReadOnlyList<ScriptFaq> Faq,
    IReadOnlyList<ScriptObjection> Objections,
    string Closing,
    IReadOnlyList<string> CaptureQuestions,
    string Disclosure,
    int MaxTurns,
    int MaxSeconds,
    string Language,
    string? Voice,
    string? InfoText,
    ScriptTransfer? Transfer)
{
    public static ScriptResponse From(ScriptVersion saved)
    {
        var d = saved.Definition;
        return new(saved.ScriptId, saved.Version, saved.SavedAt, d.Name, d.Persona, d.Goal, d.Opening, d.TalkingPoints, d.Faq,
            d.Objections, d.Closing, d.CaptureQuestions, d.Disclosure, d.MaxTurns, d.MaxSeconds, d.Language, d.Voice, d.InfoText, d.Transfer);
    }
}

/// <summary>What the agent would say to one customer, and the variables that would come out blank for them.</summary>
public sealed record ScriptPreviewResponse(
    string ScriptId,
    int Version,
    string CustomerId,
    bool DoNotCall,
    string Language,
    string Disclosure,
    string Opening,
    string Closing,
    IReadOnlyList<ScriptBlankVariable> Warnings);
