using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

public static class WorkListSettlements
{
    /// <summary>Settles the item that <paramref name="callId"/> took; false when that call was already settled.</summary>
    public static Task<bool> SettleAsync(this IWorkListStore work, string campaignId, long seq, string callId, Settlement settlement) =>
        work.SettleAsync(campaignId, seq, callId, settlement.State, settlement.Result, settlement.DueAt, settlement.CountsAttempt);
}
