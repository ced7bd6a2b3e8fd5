namespace Campaign.Abstractions.Campaigns;

/// <summary>What a campaign calls, with what, how many at once and how it retries.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CampaignDefinition")]
public sealed record CampaignDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string? SegmentId,
    [property: Id(2)] string? CriteriaJson,
    [property: Id(3)] string? ScriptId,
    [property: Id(4)] IReadOnlyList<ScriptVariant> Variants,
    [property: Id(5)] int MaxConcurrentCalls,
    [property: Id(6)] string? CallerId,
    [property: Id(7)] RetryPolicy RetryPolicy,
    [property: Id(8)] VoicemailPolicy VoicemailPolicy,
    [property: Id(9)] CallingWindow? CallingWindow = null,
    [property: Id(10)] int? MaxCallsPerDay = null,
    [property: Id(11)] int? MaxMinutesPerDay = null,
    [property: Id(12)] CampaignPurpose Purpose = CampaignPurpose.Informational,
    [property: Id(13)] CallTiming Timing = CallTiming.Asap,
    [property: Id(14)] TimeSpan? MaxHold = null,
    [property: Id(15)] Experiments.ExperimentDefinition? Experiment = null)
{
    /// <summary>How long learned timing may hold a due customer back for a better hour when the campaign does not say.</summary>
    public static readonly TimeSpan DefaultMaxHold = TimeSpan.FromHours(24);

    /// <summary>The longest hold a campaign may ask for.</summary>
    public static readonly TimeSpan LongestMaxHold = TimeSpan.FromDays(7);
}

/// <summary>Customers of <see cref="SegmentId"/> hear <see cref="ScriptId"/>.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptVariant")]
public sealed record ScriptVariant([property: Id(0)] string SegmentId, [property: Id(1)] string? ScriptId);

/// <summary>How often a customer is tried and how long to wait after each kind of unanswered attempt.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.RetryPolicy")]
public sealed record RetryPolicy(
    [property: Id(0)] int MaxAttempts,
    [property: Id(1)] TimeSpan NoAnswerDelay,
    [property: Id(2)] TimeSpan BusyDelay,
    [property: Id(3)] TimeSpan FailedDelay,
    [property: Id(4)] TimeSpan VoicemailDelay)
{
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromHours(2), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(4));
}

public enum VoicemailAction
{
    HangUp,
    LeaveMessage,
}

[GenerateSerializer, Immutable, Alias("Campaign.VoicemailPolicy")]
public sealed record VoicemailPolicy([property: Id(0)] VoicemailAction Action, [property: Id(1)] string? Message)
{
    public static VoicemailPolicy Default { get; } = new(VoicemailAction.HangUp, null);
}

public enum CampaignStatus
{
    Draft,
    Scheduled,
    Running,
    Paused,
    Completed,
    Cancelled,
}
