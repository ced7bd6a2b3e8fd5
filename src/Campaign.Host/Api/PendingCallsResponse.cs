using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;

namespace Campaign.Host.Api;

/// <summary>A customer still to call, as the dashboard lists it: who, which attempt, why they wait and until when (engine clock, UTC).</summary>
public sealed record PendingCallResponse(
    string CustomerId,
    string? CustomerName,
    string? SegmentId,
    int Attempt,
    DateTimeOffset DueAt,
    PendingReason Reason,
    DateTimeOffset? CallableFrom);

internal static class PendingCallsView
{
    public const int MaxTake = 200;

    /// <summary>The campaign's next customers to call, earliest first; null when the campaign does not exist.</summary>
    public static async Task<IReadOnlyList<PendingCallResponse>?> LoadAsync(
        IGrainFactory grains, ICustomerDirectory customers, string campaignId, int take, CancellationToken cancellationToken)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        if (await campaign.GetAsync() is null)
        {
            return null;
        }

        var pending = await campaign.GetPendingAsync(take);
        return await Task.WhenAll(pending.Select(async p => new PendingCallResponse(
            p.CustomerId, (await customers.GetAsync(p.CustomerId, cancellationToken))?.Name, p.SegmentId, p.Attempt, p.DueAt, p.Reason, p.CallableFrom)));
    }
}
