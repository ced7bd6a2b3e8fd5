namespace Campaign.Abstractions.Scripts;

/// <summary>
/// What the AI agent says for one purpose. Texts may hold template variables such as <c>{{customer.firstName}}</c>;
/// see docs/scripts.md for the list. <see cref="InfoText"/> is the text message sent after a call whose customer asked
/// for more information (none when null).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptDefinition")]
public sealed record ScriptDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] ScriptPersona Persona,
    [property: Id(2)] string Goal,
    [property: Id(3)] string Opening,
    [property: Id(4)] IReadOnlyList<string> TalkingPoints,
    [property: Id(5)] IReadOnlyList<ScriptFaq> Faq,
    [property: Id(6)] IReadOnlyList<ScriptObjection> Objections,
    [property: Id(7)] string Closing,
    [property: Id(8)] IReadOnlyList<string> CaptureQuestions,
    [property: Id(9)] string Disclosure,
    [property: Id(10)] int MaxTurns = ScriptLimits.DefaultMaxTurns,
    [property: Id(11)] int MaxSeconds = ScriptLimits.DefaultMaxSeconds,
    [property: Id(12)] string Language = ScriptLimits.DefaultLanguage,
    [property: Id(13)] string? Voice = null,
    [property: Id(14)] string? InfoText = null,
    [property: Id(15)] ScriptTransfer? Transfer = null);

/// <summary>Who the agent says it is and on whose behalf it calls.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptPersona")]
public sealed record ScriptPersona(
    [property: Id(0)] string AgentName,
    [property: Id(1)] string Company);

/// <summary>A question the customer may ask and the answer the agent gives.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptFaq")]
public sealed record ScriptFaq(
    [property: Id(0)] string Question,
    [property: Id(1)] string Answer);

/// <summary>An objection the customer may raise and how the agent responds.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptObjection")]
public sealed record ScriptObjection(
    [property: Id(0)] string Objection,
    [property: Id(1)] string Response);
