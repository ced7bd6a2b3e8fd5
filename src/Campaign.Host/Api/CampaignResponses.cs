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
    int Audience,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
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
        return new CampaignResponse(info.Id, d.Name, info.Status, d.SegmentId, criteria, d.ScriptId, d.Variants, d.MaxConcurrentCalls,
            retry, d.VoicemailPolicy, d.CallerId, info.Audience, info.CreatedAt, info.StartedAt, info.EndedAt);
    }
}
