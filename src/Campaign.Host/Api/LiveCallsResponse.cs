using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;

namespace Campaign.Host.Api;

/// <summary>A call in flight as the dashboard lists it: who, in what state, for how long (engine clock).</summary>
public sealed record LiveCallResponse(
    string CallId,
    string CustomerId,
    string? CustomerName,
    string? SegmentId,
    int Attempt,
    CallStatus State,
    DateTimeOffset Since,
    DateTimeOffset? AnsweredAt,
    int ElapsedSeconds);

internal static class LiveCalls
{
    /// <summary>The campaign's calls in flight, oldest first, each with its call grain's state; null when the campaign does not exist.</summary>
    public static async Task<IReadOnlyList<LiveCallResponse>?> LoadAsync(
        IGrainFactory grains, ICustomerDirectory customers, TimeProvider clock, string campaignId, CancellationToken cancellationToken)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        if (await campaign.GetAsync() is null)
        {
            return null;
        }

        var live = await campaign.GetLiveCallsAsync();
        var now = clock.GetUtcNow();
        return await Task.WhenAll(live.Select(async call =>
        {
            var record = await grains.GetGrain<ICallGrain>(call.CallId).GetAsync();
            var customer = await customers.GetAsync(call.CustomerId, cancellationToken);
            var since = record?.StartedAt ?? call.Since;
            return new LiveCallResponse(call.CallId, call.CustomerId, customer?.Name, call.SegmentId, call.Attempt,
                record?.Status ?? CallStatus.Dialing, since, record?.AnsweredAt, (int)Math.Max(0, (now - since).TotalSeconds));
        }));
    }
}
