using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// One campaign's work list in the store. Only the campaign writes its list, so every write here marks the kept
/// <see cref="Progress"/> to be counted again.
/// </summary>
public sealed class CampaignWorkList
{
    private readonly IWorkListStore _store;
    private readonly string _campaignId;

    public CampaignWorkList(IWorkListStore store, string campaignId)
    {
        (_store, _campaignId) = (store, campaignId);
        Progress = new WorkListProgress(ReadProgressAsync);
    }

    public WorkListProgress Progress { get; }

    public Task<int> SnapshotAsync(IReadOnlyList<AudiencePart> parts, ICallingPlaces places, DateTimeOffset now) =>
        WriteAsync(_store.SnapshotAsync(_campaignId, parts, places, now));

    public Task<bool> MarkDialingAsync(long seq, string callId) => WriteAsync(_store.MarkDialingAsync(_campaignId, seq, callId));

    /// <summary>Settles the item that <paramref name="callId"/> took; false when that call was already settled.</summary>
    public Task<bool> SettleAsync(long seq, string callId, Settlement settlement) =>
        WriteAsync(_store.SettleAsync(_campaignId, seq, callId, settlement.State, settlement.Result, settlement.DueAt, settlement.CountsAttempt));

    public Task<bool> DeferAsync(long seq, DateTimeOffset until, string reason) => WriteAsync(_store.DeferAsync(_campaignId, seq, until, reason));

    public Task<int> CancelPendingAsync() => WriteAsync(_store.CancelPendingAsync(_campaignId));

    public Task<IReadOnlyList<WorkItem>> InCallAsync() => _store.InCallAsync(_campaignId);

    public Task<IReadOnlyList<string>> PendingZonesAsync() => _store.PendingZonesAsync(_campaignId);

    public Task<IReadOnlyList<WorkItem>> NextDueAsync(DateTimeOffset now, IReadOnlyCollection<string> openZones, int limit) =>
        _store.NextDueAsync(_campaignId, now, openZones, limit);

    public Task<IReadOnlyList<WorkItem>> PendingAsync(int limit) => _store.PendingAsync(_campaignId, limit);

    /// <summary>Whether no customer is left to call: none pending and none in a call.</summary>
    public async Task<bool> IsFinishedAsync(DateTimeOffset now)
    {
        var counts = (await Progress.GetAsync(now)).Counts;
        return counts.Pending == 0 && counts.InCall == 0;
    }

    private async Task<T> WriteAsync<T>(Task<T> write)
    {
        try
        {
            return await write;
        }
        finally
        {
            Progress.Changed();
        }
    }

    private async Task<WorkListSnapshot> ReadProgressAsync(DateTimeOffset now)
    {
        var counts = await _store.CountAsync(_campaignId);
        var due = await _store.DueByZoneAsync(_campaignId, now);
        var skipped = counts.Skipped == 0 ? new Dictionary<string, int>() : await _store.SkippedByReasonAsync(_campaignId);
        return new WorkListSnapshot(counts, due, skipped);
    }
}
