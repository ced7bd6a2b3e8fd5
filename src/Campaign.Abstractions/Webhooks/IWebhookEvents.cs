using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;

namespace Campaign.Abstractions.Webhooks;

/// <summary>
/// Where the grains announce what operators' endpoints may hear. Each method returns once the event is in every
/// subscribed endpoint's durable outbox; an event announced twice (a repeated report) is delivered once.
/// </summary>
public interface IWebhookEvents
{
    /// <summary>A call ended and its record is stored: <c>call.completed</c>, and <c>followUp.created</c> when the customer asked for one.</summary>
    Task CallCompletedAsync(CallRecord call);

    /// <summary>A customer asked not to be called again and their number is on the do-not-call list.</summary>
    Task OptedOutAsync(string customerId, string phone, string reason, string source, DateTimeOffset at, string? occasion = null);

    /// <summary>A campaign finished calling its audience.</summary>
    Task CampaignCompletedAsync(CampaignInfo campaign);
}
