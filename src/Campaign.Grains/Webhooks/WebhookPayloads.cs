using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Webhooks;

namespace Campaign.Grains.Webhooks;

/// <summary>
/// Builds the events' JSON: <c>{ id, type, at, data }</c>, written as the HTTP API writes (camelCase names and enum
/// values, nulls kept), so <c>call.completed</c>'s data is the call record exactly as <c>GET /api/calls/{id}</c> shows it.
/// </summary>
public static class WebhookPayloads
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public static WebhookEvent CallCompleted(CallRecord call, DateTimeOffset now) =>
        Event(WebhookEventTypes.CallCompleted, StableId(WebhookEventTypes.CallCompleted, call.Id), call.EndedAt ?? now, call.CustomerId, call);

    /// <summary>The follow-up the customer asked for on the call (more information or a callback); null when none.</summary>
    public static WebhookEvent? FollowUpCreated(CallRecord call, DateTimeOffset now) =>
        call.Outcome is { FollowUp.Kind: FollowUpKind.MoreInfo or FollowUpKind.Callback } outcome
            ? Event(WebhookEventTypes.FollowUpCreated, StableId(WebhookEventTypes.FollowUpCreated, call.Id), call.EndedAt ?? now, call.CustomerId,
                new FollowUpData(call.Id, call.CampaignId, call.CustomerId, outcome.FollowUp.Kind, outcome.FollowUp.At, outcome.Summary))
            : null;

    /// <param name="occasion">What the opt-out was heard on (a call's id): the same occasion gives the same event id.</param>
    public static WebhookEvent OptOut(string customerId, string phone, string reason, string source, DateTimeOffset at, string? occasion = null) =>
        Event(WebhookEventTypes.OptOut, occasion is null ? "evt_" + Guid.NewGuid().ToString("N")[..24] : StableId(WebhookEventTypes.OptOut, $"{customerId}/{occasion}"),
            at, customerId, new OptOutData(customerId, phone, reason, source, at));

    public static WebhookEvent CampaignCompleted(CampaignInfo campaign, DateTimeOffset now) =>
        Event(WebhookEventTypes.CampaignCompleted, StableId(WebhookEventTypes.CampaignCompleted, campaign.Id), campaign.EndedAt ?? now, null,
            new CampaignData(campaign.Id, campaign.Definition.Name, campaign.Status, campaign.CreatedAt, campaign.StartedAt, campaign.EndedAt, campaign.Audience));

    /// <summary>The same id for the same event however often it is announced (a report repeated after a failure).</summary>
    public static string StableId(string type, string key) =>
        "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{type}/{key}")))[..24];

    private static WebhookEvent Event<T>(string type, string id, DateTimeOffset at, string? customerId, T data) =>
        new(id, type, at, customerId, JsonSerializer.Serialize(new Envelope<T>(id, type, at, data), Json));

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }

    private sealed record Envelope<T>(string Id, string Type, DateTimeOffset At, T Data);

    private sealed record FollowUpData(string CallId, string CampaignId, string CustomerId, FollowUpKind Kind, DateTimeOffset? At, string Summary);

    private sealed record OptOutData(string CustomerId, string Phone, string Reason, string Source, DateTimeOffset At);

    private sealed record CampaignData(string Id, string Name, CampaignStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, int Audience);
}
