using Azure.Data.Tables;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Rows of a campaign's work list partition: <c>i|{seq}</c> the item (the truth), <c>p|{zone}|{dueAt}|{seq}</c> while
/// it is pending (so the earliest due items of an open zone are one range read), <c>n|{seq}</c> while it is in a call,
/// and <c>z|{zone}</c> for each time zone in the list. The marker rows carry a copy of the item.
/// </summary>
internal static class WorkItemRow
{
    public const string ItemPrefix = "i|";
    public const string InCallPrefix = "n|";
    public const string ZonePrefix = "z|";

    public static string Partition(string campaignId) => TableKeys.Escape(campaignId);

    public static string Item(long seq) => ItemPrefix + TableKeys.Number(seq);

    public static string InCall(long seq) => InCallPrefix + TableKeys.Number(seq);

    public static string Zone(string zone) => ZonePrefix + TableKeys.Escape(zone);

    public static string PendingPrefix(string zone) => TableKeys.Join("p", TableKeys.Escape(zone), "");

    public static string Pending(WorkItem item) => PendingPrefix(item.TimeZone) + TableKeys.Number(item.DueAt.ToUnixTimeMilliseconds()) + TableKeys.Separator + TableKeys.Number(item.Seq);

    /// <summary>The first key after the pending items of the zone due by <paramref name="now"/>.</summary>
    public static string PendingDueEnd(string zone, DateTimeOffset now) =>
        PendingPrefix(zone) + TableKeys.Number(now.ToUnixTimeMilliseconds()) + (char)(TableKeys.Separator + 1);

    public static TableEntity Write(string partition, string rowKey, WorkItem item, string? lastResult) => new(partition, rowKey)
    {
        ["Seq"] = item.Seq,
        ["CustomerId"] = item.CustomerId,
        ["SegmentId"] = item.SegmentId,
        ["State"] = item.State.ToString(),
        ["Attempts"] = item.Attempts,
        ["DueAt"] = item.DueAt.ToUnixTimeMilliseconds(),
        ["CallId"] = item.CallId,
        ["TimeZone"] = item.TimeZone,
        ["LastResult"] = lastResult,
        ["UpdatedAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
    };

    public static WorkItem Read(TableEntity row) => new(
        row.GetInt64("Seq") ?? 0,
        row.GetString("CustomerId"),
        row.GetString("SegmentId"),
        Enum.Parse<WorkItemState>(row.GetString("State")),
        row.GetInt32("Attempts") ?? 0,
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64("DueAt") ?? 0),
        row.GetString("CallId"),
        row.GetString("TimeZone"),
        row.GetString("LastResult"));

    /// <summary>Work list order: due time, then sequence.</summary>
    public static int Compare(WorkItem a, WorkItem b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : a.Seq.CompareTo(b.Seq);

    /// <summary>A customer's place in every work list: a stable 63-bit hash of the id, so taking a snapshot again adds no duplicate.</summary>
    public static long Seq(string customerId) => (long)(TableKeys.StableHash(customerId) & long.MaxValue);
}
