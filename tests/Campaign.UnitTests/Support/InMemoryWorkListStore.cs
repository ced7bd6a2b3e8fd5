using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;

namespace Campaign.UnitTests.Support;

/// <summary>
/// One campaign's work list in memory, with the store's conditional writes: an item is dialled only while pending and
/// settled only by the call that took it. Items are put in with <see cref="Add"/> rather than by a snapshot.
/// </summary>
public sealed class InMemoryWorkListStore : IWorkListStore
{
    private readonly SortedDictionary<long, (WorkItem Item, string? Result)> _items = new();

    /// <summary>How many times the counts were read.</summary>
    public int CountReads { get; private set; }

    public WorkItem Add(long seq, DateTimeOffset dueAt, string zone = "UTC", string? customerId = null)
    {
        var item = new WorkItem(seq, customerId ?? $"C-{seq}", null, WorkItemState.Pending, 0, dueAt, null, zone);
        _items[seq] = (item, null);
        return item;
    }

    public WorkItem this[long seq] => _items[seq].Item;

    public string? ResultOf(long seq) => _items[seq].Result;

    public Task<int> SnapshotAsync(string campaignId, IReadOnlyList<AudiencePart> parts, ICallingPlaces places, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("items are added with Add");

    public Task<IReadOnlyList<WorkItem>> NextDueAsync(string campaignId, DateTimeOffset now, IReadOnlyCollection<string> openZones, int limit, CancellationToken cancellationToken = default) =>
        List(Pending().Where(i => i.DueAt <= now && openZones.Contains(i.TimeZone)).Take(limit));

    public Task<IReadOnlyDictionary<string, int>> DueByZoneAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(Pending().Where(i => i.DueAt <= now).GroupBy(i => i.TimeZone).ToDictionary(g => g.Key, g => g.Count()));

    public Task<IReadOnlyList<string>> PendingZonesAsync(string campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(Pending().Select(i => i.TimeZone).Distinct().ToList());

    public Task<IReadOnlyList<WorkItem>> PendingAsync(string campaignId, int limit, CancellationToken cancellationToken = default) => List(Pending().Take(limit));

    public Task<DateTimeOffset?> NextDueAtAsync(string campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Pending().Select(i => (DateTimeOffset?)i.DueAt).FirstOrDefault());

    public Task<bool> MarkDialingAsync(string campaignId, long seq, string callId, CancellationToken cancellationToken = default) =>
        Change(seq, i => i.State == WorkItemState.Pending, i => (i with { State = WorkItemState.InCall, CallId = callId }, null));

    public Task<bool> SettleAsync(string campaignId, long seq, string callId, WorkItemState state, string? result, DateTimeOffset? dueAt, bool countAttempt, CancellationToken cancellationToken = default) =>
        Change(seq, i => i.State == WorkItemState.InCall && i.CallId == callId, i =>
            (i with { State = state, DueAt = dueAt ?? i.DueAt, CallId = null, Attempts = i.Attempts + (countAttempt ? 1 : 0) }, result));

    public Task<bool> DeferAsync(string campaignId, long seq, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken = default) =>
        Change(seq, i => i.State == WorkItemState.Pending, i => (i with { DueAt = dueAt }, reason));

    public Task<IReadOnlyList<WorkItem>> InCallAsync(string campaignId, CancellationToken cancellationToken = default) =>
        List(_items.Values.Select(v => v.Item).Where(i => i.State == WorkItemState.InCall));

    public Task<int> CancelPendingAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var pending = Pending().ToList();
        foreach (var item in pending)
        {
            _items[item.Seq] = (item with { State = WorkItemState.Cancelled }, "campaignCancelled");
        }

        return Task.FromResult(pending.Count);
    }

    public Task<WorkListCounts> CountAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        CountReads++;
        var items = _items.Values.Select(v => v.Item).ToList();
        int Count(WorkItemState state) => items.Count(i => i.State == state);
        return Task.FromResult(new WorkListCounts(items.Count, Count(WorkItemState.Pending), 0, items.Count(i => i.State == WorkItemState.Pending && i.Attempts > 0),
            Count(WorkItemState.InCall), Count(WorkItemState.Done), Count(WorkItemState.Skipped), Count(WorkItemState.Cancelled)));
    }

    public Task<IReadOnlyList<string>> SkippedCustomersAsync(string campaignId, string reason, int skip, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_items.Values.Where(v => v.Item.State == WorkItemState.Skipped && v.Result == reason)
            .Select(v => v.Item.CustomerId).Skip(skip).Take(take).ToList());

    public Task<IReadOnlyDictionary<string, int>> SkippedByReasonAsync(string campaignId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(_items.Values.Where(v => v.Item.State == WorkItemState.Skipped)
            .GroupBy(v => v.Result ?? "").ToDictionary(g => g.Key, g => g.Count()));

    private IEnumerable<WorkItem> Pending() =>
        _items.Values.Select(v => v.Item).Where(i => i.State == WorkItemState.Pending).OrderBy(i => i.DueAt).ThenBy(i => i.Seq);

    private static Task<IReadOnlyList<WorkItem>> List(IEnumerable<WorkItem> items) => Task.FromResult<IReadOnlyList<WorkItem>>(items.ToList());

    private Task<bool> Change(long seq, Func<WorkItem, bool> allowed, Func<WorkItem, (WorkItem, string?)> change)
    {
        if (!_items.TryGetValue(seq, out var entry) || !allowed(entry.Item))
        {
            return Task.FromResult(false);
        }

        var (item, result) = change(entry.Item);
        _items[seq] = (item, result ?? entry.Result);
        return Task.FromResult(true);
    }
}
