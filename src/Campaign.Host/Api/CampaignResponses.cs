using System.Text.Json;
using System.Xml;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Experiments;

namespace Campaign.Host.Api;

public sealed record CampaignResponse(
    string Id,
    string Name,
    CampaignStatus Status,
    string? SegmentId,
    JsonElement? Criteria,
    string? ScriptId,
    IReadOnlyList<ScriptVariant> Variants,
    int MaxConcurrentCalls,
    RetryPolicyResponse RetryPolicy,
    VoicemailPolicy VoicemailPolicy,
    string? CallerId,
    CallingWindowResponse? CallingWindow,
    int? MaxCallsPerDay,
    int? MaxMinutesPerDay,
    int Audience,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    CampaignPurpose Purpose,
    string? PausedBy,
    string? PausedReason,
    CallTiming Timing,
    string MaxHold,
    ExperimentDefinition? Experiment)
{
    public static CampaignResponse From(CampaignInfo info)
    {
        var d = info.Definition;
        JsonElement? criteria = d.CriteriaJson is null ? null : JsonDocument.Parse(d.CriteriaJson).RootElement.Clone();
        var retry = new RetryPolicyResponse(
            d.RetryPolicy.MaxAttempts,
            new RetryDelaysResponse(
                XmlConvert.ToString(d.RetryPolicy.NoAnswerDelay),
                XmlConvert.ToString(d.RetryPolicy.BusyDelay),
                XmlConvert.ToString(d.RetryPolicy.FailedDelay),
                XmlConvert.ToString(d.RetryPolicy.VoicemailDelay)));
        var window = d.CallingWindow is not { } w ? null : new CallingWindowResponse(
            w.Days.Select(day => day.ToString().ToLowerInvariant()).ToList(),
            w.From.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture),
            w.To >= TimeSpan.FromHours(24) ? "24:00" : w.To.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture),
            w.TimeZone);
        return new CampaignResponse(info.Id, d.Name, info.Status, d.SegmentId, criteria, d.ScriptId, d.Variants, d.MaxConcurrentCalls,
            retry, d.VoicemailPolicy, d.CallerId, window, d.MaxCallsPerDay, d.MaxMinutesPerDay, info.Audience, info.CreatedAt, info.StartedAt, info.EndedAt, d.Purpose,
            info.PausedBy, info.PausedReason, d.Timing, XmlConvert.ToString(d.MaxHold ?? CampaignDefinition.DefaultMaxHold), d.Experiment);
    }
}

/// <summary>How often a customer is tried again, with the waits as ISO 8601 durations.</summary>
public sealed record RetryPolicyResponse(int MaxAttempts, RetryDelaysResponse Delays);

public sealed record RetryDelaysResponse(string NoAnswer, string Busy, string Failed, string Voicemail);

/// <summary>When calls may be made: lower-case days (all when empty), <c>HH:mm</c> bounds and an optional IANA zone.</summary>
public sealed record CallingWindowResponse(IReadOnlyList<string> Days, string From, string To, string? TimeZone);
