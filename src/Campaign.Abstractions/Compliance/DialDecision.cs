namespace Campaign.Abstractions.Compliance;

/// <summary>What the engine decided about one dial: place the call, never call this person in this campaign, or try later.</summary>
public enum DialDecisionKind
{
    Call,
    Skip,
    Wait,
}

/// <summary>One rule that decided (or, for a call, that was checked and allowed it), named by its stable rule name.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.DecisionReason")]
public sealed record DecisionReason([property: Id(0)] string Rule, [property: Id(1)] string Detail);

/// <summary>
/// The record written immediately before a dial, whatever the outcome: why this person was called at this time, or
/// not. <see cref="Zone"/> and <see cref="LocalTime"/> are where and when the calling hours were judged;
/// <see cref="Jurisdiction"/> the most specific law that held. Never holds the person's name or what they said.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.DialDecision")]
public sealed record DialDecision(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string? CallId,
    [property: Id(4)] DialDecisionKind Decision,
    [property: Id(5)] IReadOnlyList<DecisionReason> Reasons,
    [property: Id(6)] string? Zone,
    [property: Id(7)] DateTimeOffset? LocalTime,
    [property: Id(8)] string? Jurisdiction);
