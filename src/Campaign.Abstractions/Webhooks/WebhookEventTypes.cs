namespace Campaign.Abstractions.Webhooks;

/// <summary>The event names an endpoint may subscribe to, exactly as they appear in a delivery's <c>type</c>.</summary>
public static class WebhookEventTypes
{
    public const string CallCompleted = "call.completed";
    public const string FollowUpCreated = "followUp.created";
    public const string OptOut = "optOut";
    public const string CampaignCompleted = "campaign.completed";

    public static readonly IReadOnlyList<string> All = [CallCompleted, FollowUpCreated, OptOut, CampaignCompleted];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
