using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;

namespace Campaign.Abstractions.Storage;

/// <summary>
/// A campaign's durable work list: the audience snapshot taken at start, one item per customer, paged so that
/// audiences of any size work. Every state change is conditional, so a repeated or late report changes nothing.
/// </summary>
public interface IWorkListStore
{
    /// <summary>The result of an item skipped because the customer's time zone cannot be known.</summary>
    public const string TimeZoneUnknown = "timeZoneUnknown";

    /// <summary>
    /// Adds the customers matching each audience part (first part wins for a customer in several), each with the key of
    /// the place their calling hours follow (<see cref="ICallingPlaces"/>); a customer whose place is unknown is added
    /// as skipped (<see cref="TimeZoneUnknown"/>), never to be called. Returns the list size.
    /// </summary>
    Task<int> SnapshotAsync(string campaignId, IReadOnlyList<AudiencePart> parts, ICallingPlaces places, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Pending items due by <paramref name="now"/> whose time zone is one of <paramref name="openZones"/>, earliest first.</summary>
    Task<IReadOnlyList<WorkItem>> NextDueAsync(string campaignId, DateTimeOffset now, IReadOnlyCollection<string> openZones, int limit, CancellationToken cancellationToken = default);

    /// <summary>Pending items due by <paramref name="now"/>, counted by time zone.</summary>
    Task<IReadOnlyDictionary<string, int>> DueByZoneAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The time zones of the pending items.</summary>
    Task<IReadOnlyList<string>> PendingZonesAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>The first <paramref name="limit"/> pending items, earliest due first (ties in list order).</summary>
    Task<IReadOnlyList<WorkItem>> PendingAsync(string campaignId, int limit, CancellationToken cancellationToken = default);

    /// <summary>When the next pending item falls due; null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Pending → in call. False when the item was not pending (someone else took it).</summary>
    Task<bool> MarkDialingAsync(string campaignId, long seq, string callId, CancellationToken cancellationToken = default);

    /// <summary>In call → pending again (due at <paramref name="dueAt"/>), or done when <paramref name="dueAt"/> is null. False when this call was already settled.</summary>
    Task<bool> SettleAsync(string campaignId, long seq, string callId, WorkItemState state, string? result, DateTimeOffset? dueAt, bool countAttempt, CancellationToken cancellationToken = default);

    /// <summary>
    /// A pending item waits until <paramref name="dueAt"/> with <paramref name="reason"/> on record, its attempts
    /// unchanged (held for a better hour). False when the item was not pending.
    /// </summary>
    Task<bool> DeferAsync(string campaignId, long seq, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkItem>> InCallAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Pending items become cancelled; returns how many.</summary>
    Task<int> CancelPendingAsync(string campaignId, CancellationToken cancellationToken = default);

    Task<WorkListCounts> CountAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>The customers skipped for <paramref name="reason"/>, in list order, paged.</summary>
    Task<IReadOnlyList<string>> SkippedCustomersAsync(string campaignId, string reason, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>The skipped items counted by the rule that skipped them (<c>doNotCall</c>, <c>consent</c>, <c>timeZoneUnknown</c>, …).</summary>
    Task<IReadOnlyDictionary<string, int>> SkippedByReasonAsync(string campaignId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Places customers for calling hours: the key of their candidate time zones and jurisdictions, "" when no time zone
/// can be known. Customers with the same key share one calling window.
/// </summary>
public interface ICallingPlaces
{
    string KeyOf(string? timeZone, string? phone, string? area, string? state);
}

/// <summary>Customers matching <see cref="Criteria"/> (from segment <see cref="SegmentId"/>, if any).</summary>
public sealed record AudiencePart(string? SegmentId, SegmentCriteria Criteria);

public enum WorkItemState
{
    Pending,
    InCall,
    Done,
    Skipped,
    Cancelled,
}

/// <summary>One customer of a campaign's work list; <see cref="TimeZone"/> is the key of their calling place (<see cref="ICallingPlaces"/>).</summary>
/// <summary>A customer in a campaign's work list; <see cref="LastResult"/> is how its last attempt ended, or why it was deferred.</summary>
public sealed record WorkItem(long Seq, string CustomerId, string? SegmentId, WorkItemState State, int Attempts, DateTimeOffset DueAt, string? CallId, string TimeZone = "UTC", string? LastResult = null);

public sealed record WorkListCounts(int Total, int Pending, int DueNow, int RetriesPending, int InCall, int Done, int Skipped, int Cancelled);
