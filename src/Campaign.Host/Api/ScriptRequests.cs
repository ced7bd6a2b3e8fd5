using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Campaign.Abstractions.Scripts;

namespace Campaign.Host.Api;

/// <summary>
/// A script as a client sends it. A script read with <c>GET</c> can be sent back as it is: <c>id</c> and
/// <c>savedAt</c> are ignored and <c>version</c> is the version the change was made from. Unknown fields are refused
/// so a misspelt optional field (say <c>maxTurn</c>) is not silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ScriptBody(
    string? Id,
    int? Version,
    DateTimeOffset? SavedAt,
    [property: Required] string? Name,
    [property: Required] PersonaBody? Persona,
    [property: Required] string? Goal,
    [property: Required] string? Opening,
    IReadOnlyList<string?>? TalkingPoints,
    IReadOnlyList<FaqBody?>? Faq,
    IReadOnlyList<ObjectionBody?>? Objections,
    [property: Required] string? Closing,
    IReadOnlyList<string?>? CaptureQuestions,
    [property: Required] string? Disclosure,
    int? MaxTurns,
    int? MaxSeconds,
    string? Language,
    string? Voice,
    string? InfoText,
    TransferBody? Transfer = null)
{
    /// <summary>The definition with defaults filled in; missing texts become empty so the validator names them.</summary>
    public ScriptDefinition ToDefinition() => new(
        Text(Name),
        new ScriptPersona(Text(Persona?.AgentName), Text(Persona?.Company)),
        Text(Goal),
        Text(Opening),
        Texts(TalkingPoints),
        (Faq ?? []).Select(f => new ScriptFaq(Text(f?.Question), Text(f?.Answer))).ToList(),
        (Objections ?? []).Select(o => new ScriptObjection(Text(o?.Objection), Text(o?.Response))).ToList(),
        Text(Closing),
        Texts(CaptureQuestions),
        Text(Disclosure),
        MaxTurns ?? ScriptLimits.DefaultMaxTurns,
        MaxSeconds ?? ScriptLimits.DefaultMaxSeconds,
        string.IsNullOrWhiteSpace(Language) ? ScriptLimits.DefaultLanguage : Language.Trim(),
        string.IsNullOrWhiteSpace(Voice) ? null : Voice.Trim(),
        string.IsNullOrWhiteSpace(InfoText) ? null : InfoText.Trim(),
        Transfer?.ToTransfer());

    private static string Text(string? value) => value?.Trim() ?? "";

    private static List<string> Texts(IReadOnlyList<string?>? values) => (values ?? []).Select(Text).ToList();
}

/// <summary>Where the call goes when the customer asks for a person; <c>whisper</c> defaults to true.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TransferBody(string? Number, TransferHoursBody? Hours, bool? Whisper)
{
    public ScriptTransfer ToTransfer() => new(
        Number?.Trim() ?? "",
        Hours is null ? null : new TransferHours(Hours.Days ?? [], Hours.From?.Trim() ?? "", Hours.To?.Trim() ?? "", Hours.TimeZone?.Trim() ?? ""),
        Whisper ?? true);
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TransferHoursBody(IReadOnlyList<string>? Days, string? From, string? To, string? TimeZone);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PersonaBody([property: Required] string? AgentName, [property: Required] string? Company);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaqBody(string? Question, string? Answer);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ObjectionBody(string? Objection, string? Response);

public sealed record ScriptPreviewRequest(string? CustomerId);
