using Azure;
using Azure.Data.Tables;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Campaign work lists on Azure Tables, one partition per campaign (layout in <see cref="WorkItemRow"/>). Every state
/// change rewrites the item at the ETag it was read with and moves its marker rows in the same transaction, so two
/// silos can never both take an item and a repeated report changes nothing.
/// </summary>
public sealed class AzureWorkListStore(AzureTableSet tables, AzureCustomerDirectory directory) : IWorkListStore
{
    private const int MaxAttempts = 20;
    private static readonly string[] CountColumns = ["State", "DueAt", "Attempts"];

    private TableClient Table => tables.Work;

    private const int SnapshotWriters = 4;

    public async Task<int> SnapshotAsync(string campaignId, IReadOnlyList<AudiencePart> parts, ICallingPlaces places, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var segments = new Dictionary<long, string?>();
        var matched = new NumberSet();
        foreach (var part in parts)
        {
            var numbers = await directory.MatchAsync(part.Criteria, now, excludeDoNotCall: true, cancellationToken);
            foreach (var number in numbers.Ascending())
            {
                segments.TryAdd(number, part.SegmentId);
            }

            matched.UnionWith(numbers);
        }

        var ids = await directory.IdsAsync(matched, cancellationToken);
        var inputs = await directory.ZoneInputsAsync(cancellationToken);
        var partition = WorkItemRow.Partition(campaignId);
        var items = ids.Select(customer =>
        {
            var (timeZone, area, state) = inputs.Of(customer.Key);
            var place = places.KeyOf(timeZone, customer.Value.Phone, area, state);
            return place.Length == 0
                ? new WorkItem(WorkItemRow.Seq(customer.Value.Id), customer.Value.Id, segments[customer.Key], WorkItemState.Skipped, 0, now, null, place)
                : new WorkItem(WorkItemRow.Seq(customer.Value.Id), customer.Value.Id, segments[customer.Key], WorkItemState.Pending, 0, now, null, place);
        }).ToList();

        var markers = items.Where(i => i.State == WorkItemState.Pending).Select(i => i.TimeZone).Distinct(StringComparer.Ordinal)
            .Select(zone => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, WorkItemRow.Zone(zone)) { ["TimeZone"] = zone }));
        foreach (var chunk in markers.Chunk(TableTransactions.MaxOperations))
        {
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
        }

        // A few transactions at once: one after the other, 9,000 customers took longer than a grain call may.
        using var slots = new SemaphoreSlim(SnapshotWriters);
        await Task.WhenAll(items.Chunk(TableTransactions.MaxOperations / 2).Select(async chunk =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                if (!await TableTransactions.TrySubmitAsync(Table, chunk.SelectMany(i => AddActions(partition, i)).ToList(), cancellationToken))
                {
                    // Taken before (a snapshot repeated after a restart): add only the items that are not there yet.
                    foreach (var item in chunk)
                    {
                        await TableTransactions.TrySubmitAsync(Table, AddActions(partition, item), cancellationToken);
                    }
                }
            }
            finally
            {
                slots.Release();
            }
        }));

        return await CountRowsAsync(partition, WorkItemRow.ItemPrefix, cancellationToken);
    }

    public async Task<IReadOnlyList<WorkItem>> NextDueAsync(string campaignId, DateTimeOffset now, IReadOnlyCollection<string> openZones, int limit, CancellationToken cancellationToken = default)
    {
        if (openZones.Count == 0 || limit <= 0)
        {
            return [];
        }

        await tables.ReadyAsync();
        var partition = WorkItemRow.Partition(campaignId);
        var perZone = await Task.WhenAll(openZones.Distinct().Select(zone =>
            ReadItemsAsync(TableKeys.RangeFilter(partition, WorkItemRow.PendingPrefix(zone), WorkItemRow.PendingDueEnd(zone, now)), limit, cancellationToken)));
        var due = perZone.SelectMany(z => z).ToList();
        due.Sort(WorkItemRow.Compare);
        return due.Take(limit).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> DueByZoneAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var partition = WorkItemRow.Partition(campaignId);
        var zones = await ZonesAsync(partition, cancellationToken);
        var counts = await Task.WhenAll(zones.Select(zone =>
            CountRowsAsync(TableKeys.RangeFilter(partition, WorkItemRow.PendingPrefix(zone), WorkItemRow.PendingDueEnd(zone, now)), cancellationToken)));
        return zones.Select((zone, i) => (zone, count: counts[i])).Where(z => z.count > 0).ToDictionary(z => z.zone, z => z.count);
    }

    public async Task<IReadOnlyList<string>> PendingZonesAsync(string campaignId, CancellationToken cancellationToken = default) =>
        (await FirstPendingByZoneAsync(campaignId, cancellationToken)).Select(z => z.Zone).ToList();

    public async Task<IReadOnlyList<WorkItem>> PendingAsync(string campaignId, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        // Each zone's pending rows are kept in due order: the first few of every zone hold the earliest overall.
        var partition = WorkItemRow.Partition(campaignId);
        var zones = await ZonesAsync(partition, cancellationToken);
        var perZone = await Task.WhenAll(zones.Select(zone => ReadItemsAsync(TableKeys.PrefixFilter(partition, WorkItemRow.PendingPrefix(zone)), limit, cancellationToken)));
        var pending = perZone.SelectMany(z => z).ToList();
        pending.Sort(WorkItemRow.Compare);
        return pending.Take(limit).ToList();
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var first = await FirstPendingByZoneAsync(campaignId, cancellationToken);
        return first.Count == 0 ? null : first.Min(z => z.Item.DueAt);
    }

    public Task<bool> MarkDialingAsync(string campaignId, long seq, string callId, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, seq, (item, lastResult) =>
        {
            if (item.State != WorkItemState.Pending)
            {
                return null;
            }

            var dialing = item with { State = WorkItemState.InCall, CallId = callId };
            return (dialing, lastResult, [Delete(campaignId, WorkItemRow.Pending(item)), Upsert(campaignId, WorkItemRow.InCall(seq), dialing, lastResult)]);
        }, cancellationToken);

    public Task<bool> SettleAsync(string campaignId, long seq, string callId, WorkItemState state, string? result, DateTimeOffset? dueAt, bool countAttempt, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, seq, (item, lastResult) =>
        {
            if (item.State != WorkItemState.InCall || item.CallId != callId)
            {
                return null;
            }

            var settled = item with { State = state, DueAt = dueAt ?? item.DueAt, Attempts = item.Attempts + (countAttempt ? 1 : 0) };
            var newResult = result ?? lastResult;
            var actions = new List<TableTransactionAction> { Delete(campaignId, WorkItemRow.InCall(seq)) };
            if (state == WorkItemState.Pending)
            {
                actions.Add(Upsert(campaignId, WorkItemRow.Pending(settled), settled, newResult));
            }

            return (settled, newResult, actions);
        }, cancellationToken);

    public Task<bool> DeferAsync(string campaignId, long seq, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(campaignId, seq, (item, _) =>
        {
            if (item.State != WorkItemState.Pending)
            {
                return null;
            }

            var deferred = item with { DueAt = dueAt };
            return (deferred, reason, [Delete(campaignId, WorkItemRow.Pending(item)), Upsert(campaignId, WorkItemRow.Pending(deferred), deferred, reason)]);
        }, cancellationToken);

    public async Task<IReadOnlyList<WorkItem>> InCallAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var items = await ReadItemsAsync(TableKeys.PrefixFilter(WorkItemRow.Partition(campaignId), WorkItemRow.InCallPrefix), int.MaxValue, cancellationToken);
        return items.OrderBy(i => i.Seq).ToList();
    }

    public async Task<int> CancelPendingAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var partition = WorkItemRow.Partition(campaignId);
        var filter = TableKeys.PrefixFilter(partition, WorkItemRow.ItemPrefix) + " and " + TableClient.CreateQueryFilter($"State eq {nameof(WorkItemState.Pending)}");
        var pending = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            pending.Add(row);
        }

        var cancelled = 0;
        foreach (var chunk in pending.Chunk(TableTransactions.MaxOperations / 2))
        {
            var actions = chunk.SelectMany(row => CancelActions(campaignId, row, WorkItemRow.Read(row))).ToList();
            if (await TableTransactions.TrySubmitAsync(Table, actions, cancellationToken))
            {
                cancelled += chunk.Length;
                continue;
            }

            // Some item moved meanwhile: cancel the rest one by one, each re-read.
            foreach (var row in chunk)
            {
                if (await ChangeAsync(campaignId, WorkItemRow.Read(row).Seq, (item, lastResult) => item.State != WorkItemState.Pending
                    ? null
                    : (item with { State = WorkItemState.Cancelled }, lastResult, [Delete(campaignId, WorkItemRow.Pending(item))]), cancellationToken))
                {
                    cancelled++;
                }
            }
        }

        return cancelled;
    }

    public async Task<IReadOnlyList<string>> SkippedCustomersAsync(string campaignId, string reason, int skip, int take, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var ids = new List<string>();
        var filter = TableKeys.PrefixFilter(WorkItemRow.Partition(campaignId), WorkItemRow.ItemPrefix)
            + " and " + TableClient.CreateQueryFilter($"State eq {nameof(WorkItemState.Skipped)} and LastResult eq {reason}");
        var seen = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (seen++ >= skip)
            {
                ids.Add(WorkItemRow.Read(row).CustomerId);
                if (ids.Count >= take)
                {
                    break;
                }
            }
        }

        return ids;
    }

    public async Task<IReadOnlyDictionary<string, int>> SkippedByReasonAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var filter = TableKeys.PrefixFilter(WorkItemRow.Partition(campaignId), WorkItemRow.ItemPrefix) + $" and State eq '{nameof(WorkItemState.Skipped)}'";
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["LastResult"], cancellationToken))
        {
            var reason = row.GetString("LastResult") ?? "unknown";
            counts[reason] = counts.GetValueOrDefault(reason) + 1;
        }

        return counts;
    }

    public async Task<WorkListCounts> CountAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        int total = 0, pending = 0, dueNow = 0, retries = 0, inCall = 0, done = 0, skipped = 0, cancelled = 0;
        var filter = TableKeys.PrefixFilter(WorkItemRow.Partition(campaignId), WorkItemRow.ItemPrefix);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: CountColumns, cancellationToken))
        {
            total++;
            switch (Enum.Parse<WorkItemState>(row.GetString("State")))
            {
                case WorkItemState.Pending:
                    pending++;
                    dueNow += row.GetInt64("DueAt") <= now ? 1 : 0;
                    retries += row.GetInt32("Attempts") > 0 ? 1 : 0;
                    break;
                case WorkItemState.InCall:
                    inCall++;
                    break;
                case WorkItemState.Done:
                    done++;
                    break;
                case WorkItemState.Skipped:
                    skipped++;
                    break;
                case WorkItemState.Cancelled:
                    cancelled++;
                    break;
            }
        }

        return new WorkListCounts(total, pending, dueNow, retries, inCall, done, skipped, cancelled);
    }

    private static List<TableTransactionAction> AddActions(string partition, WorkItem item) => item.State == WorkItemState.Pending
        ?
        [
            new(TableTransactionActionType.Add, WorkItemRow.Write(partition, WorkItemRow.Item(item.Seq), item, null)),
            new(TableTransactionActionType.UpsertReplace, WorkItemRow.Write(partition, WorkItemRow.Pending(item), item, null)),
        ]
        : [new(TableTransactionActionType.Add, WorkItemRow.Write(partition, WorkItemRow.Item(item.Seq), item, IWorkListStore.TimeZoneUnknown))];

    private static List<TableTransactionAction> CancelActions(string campaignId, TableEntity row, WorkItem item) =>
    [
        new(TableTransactionActionType.UpdateReplace,
            WorkItemRow.Write(row.PartitionKey, row.RowKey, item with { State = WorkItemState.Cancelled }, row.GetString("LastResult")), row.ETag),
        Delete(campaignId, WorkItemRow.Pending(item)),
    ];

    /// <summary>
    /// Reads the item, lets <paramref name="change"/> decide (null: not in the expected state), and writes the item at
    /// its ETag together with the marker rows' moves; on a conflict it reads again.
    /// </summary>
    private async Task<bool> ChangeAsync(
        string campaignId,
        long seq,
        Func<WorkItem, string?, (WorkItem Next, string? LastResult, List<TableTransactionAction> Markers)?> change,
        CancellationToken cancellationToken)
    {
        await tables.ReadyAsync();
        var partition = WorkItemRow.Partition(campaignId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await Table.GetEntityIfExistsAsync<TableEntity>(partition, WorkItemRow.Item(seq), cancellationToken: cancellationToken);
            if (!stored.HasValue || change(WorkItemRow.Read(stored.Value!), stored.Value!.GetString("LastResult")) is not { } planned)
            {
                return false;
            }

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, WorkItemRow.Write(partition, WorkItemRow.Item(seq), planned.Next, planned.LastResult), stored.Value!.ETag),
            };
            actions.AddRange(planned.Markers);
            if (await TableTransactions.TrySubmitAsync(Table, actions, cancellationToken))
            {
                return true;
            }

            await Task.Delay(Random.Shared.Next(5, 20 + attempt * 10), cancellationToken);
        }

        throw new InvalidOperationException($"work item {seq} of campaign '{campaignId}' kept changing under {MaxAttempts} attempts to update it");
    }

    private static TableTransactionAction Delete(string campaignId, string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(WorkItemRow.Partition(campaignId), rowKey), ETag.All);

    private static TableTransactionAction Upsert(string campaignId, string rowKey, WorkItem item, string? lastResult) =>
        new(TableTransactionActionType.UpsertReplace, WorkItemRow.Write(WorkItemRow.Partition(campaignId), rowKey, item, lastResult));

    private async Task<List<(string Zone, WorkItem Item)>> FirstPendingByZoneAsync(string campaignId, CancellationToken cancellationToken)
    {
        var partition = WorkItemRow.Partition(campaignId);
        var zones = await ZonesAsync(partition, cancellationToken);
        var firsts = await Task.WhenAll(zones.Select(zone =>
            ReadItemsAsync(TableKeys.PrefixFilter(partition, WorkItemRow.PendingPrefix(zone)), 1, cancellationToken)));
        return zones.Select((zone, i) => (zone, firsts[i])).Where(z => z.Item2.Count > 0).Select(z => (z.zone, z.Item2[0])).ToList();
    }

    private async Task<List<string>> ZonesAsync(string partition, CancellationToken cancellationToken)
    {
        await tables.ReadyAsync();
        var zones = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableKeys.PrefixFilter(partition, WorkItemRow.ZonePrefix), select: ["TimeZone"], cancellationToken: cancellationToken))
        {
            zones.Add(row.GetString("TimeZone"));
        }

        return zones;
    }

    private async Task<List<WorkItem>> ReadItemsAsync(string filter, int limit, CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            items.Add(WorkItemRow.Read(row));
            if (items.Count >= limit)
            {
                break;
            }
        }

        return items;
    }

    private Task<int> CountRowsAsync(string partition, string prefix, CancellationToken cancellationToken) =>
        CountRowsAsync(TableKeys.PrefixFilter(partition, prefix), cancellationToken);

    private async Task<int> CountRowsAsync(string filter, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }
}
