using System.Text.Json;
using System.Xml;
using Campaign.Abstractions.Campaigns;

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
    object RetryPolicy,
    VoicemailPolicy VoicemailPolicy,
    string? CallerId,
    object? CallingWindow,
    int? MaxCallsPerDay,
    int? MaxMinutesPerDay,
    int Audience,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    CampaignPurpose Purpose,
    string? PausedBy,
    string? PausedReason)
{
    public static CampaignResponse From(CampaignInfo info)
    {
        var d = info.Definition;
        JsonElement? criteria = d.CriteriaJson is null ? null : JsonDocument.Parse(d.CriteriaJson).RootElement.Clone();
        var retry = new
        {
            d.RetryPolicy.MaxAttempts,
            Delays = new
            {
                NoAnswer = XmlConvert.ToString(d.RetryPolicy.NoAnswerDelay),
                Busy = XmlConvert.ToString(d.RetryPolicy.BusyDelay),
                Failed = XmlConvert.ToString(d.RetryPolicy.FailedDelay),
                Voicemail = XmlConvert.ToString(d.RetryPolicy.VoicemailDelay),
            },
        };
        var window = d.CallingWindow is not { } w ? null : new
        {
            Days = w.Days.Select(day => day.ToString().ToLowerInvariant()).ToList(),
            From = w.From.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture),
            To = w.To >= TimeSpan.FromHours(24) ? "24:00" : w.To.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture),
            w.TimeZone,
        };
        return new CampaignResponse(info.Id, d.Name, info.Status, d.SegmentId, criteria, d.ScriptId, d.Variants, d.MaxConcurrentCalls,
            retry, d.VoicemailPolicy, d.CallerId, window, d.MaxCallsPerDay, d.MaxMinutesPerDay, info.Audience, info.CreatedAt, info.StartedAt, info.EndedAt, d.Purpose,
            info.PausedBy, info.PausedReason);
    }
}
