using Azure;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Keeps the index (<see cref="PostingTable"/>) in step with the profile rows. A profile is written marked
/// <c>Indexed = false</c> with the keys the index may still hold it under; the writer then adds and removes index
/// entries and marks the row indexed at the ETag it wrote. When the row changed in between, the writer starts over
/// from the stored row, also undoing what it added itself, until it marks a row it has seen, so the last writer
/// always leaves the index matching the last profile. Rows a crashed writer left unindexed are redone by
/// <see cref="RepairAsync"/>. New customers of a first import are indexed before their profile exists instead
/// (<see cref="NewCustomerImport"/>).
/// </summary>
internal sealed class CustomerIndexer(CustomerTables customers, PostingTable postings, CustomerNumbers numbers)
{
    private const int MaxAttempts = 50;
    private const int Parallelism = 8;

    /// <summary>Indexes customers just written at <see cref="WrittenCustomer.ETag"/>.</summary>
    public async Task IndexAsync(IReadOnlyList<WrittenCustomer> written, CancellationToken cancellationToken)
    {
        var planned = written.Select(w => (Written: w, Desired: PostingKeys.Of(w.Record))).ToList();
        await ApplyAsync(planned.SelectMany(p => Changes(p.Written, p.Desired)).ToList(), cancellationToken);

        var redo = new List<(string Id, IReadOnlyCollection<string> Applied)>();
        foreach (var transaction in planned.Where(p => p.Written.ETag is not null)
                     .GroupBy(p => p.Written.Record.Partition)
                     .SelectMany(partition => partition.Chunk(TableTransactions.MaxOperations)))
        {
            var marks = transaction.Select(p => Mark(p.Written.Record, p.Written.ETag!.Value)).ToList();
            var table = customers.For(transaction[0].Written.Record.Partition);
            if (!await TableTransactions.TrySubmitAsync(table, marks, cancellationToken))
            {
                for (var i = 0; i < transaction.Length; i++)
                {
                    if (!await TableTransactions.TrySubmitAsync(table, [marks[i]], cancellationToken))
                    {
                        redo.Add((transaction[i].Written.Record.Profile.Id, transaction[i].Desired.Keys));
                    }
                }
            }
        }

        redo.AddRange(planned.Where(p => p.Written.ETag is null).Select(p => (p.Written.Record.Profile.Id, (IReadOnlyCollection<string>)p.Desired.Keys)));
        await TableTransactions.ForEachAsync(redo, Parallelism, cancellationToken,
            async (customer, token) => await ReconcileAsync(customer.Id, customer.Applied, token));
    }

    /// <summary>Indexes every customer whose row is not marked indexed (after a writer stopped half-way); returns how many.</summary>
    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        foreach (var table in customers.All)
        {
            await foreach (var row in table.QueryAsync<TableEntity>("Indexed eq false", select: ["Id"], cancellationToken: cancellationToken))
            {
                pending.Add(row.GetString("Id"));
            }
        }

        await TableTransactions.ForEachAsync(pending, Parallelism, cancellationToken,
            async (id, token) => await ReconcileAsync(id, [], token));
        return pending.Count;
    }

    /// <summary>
    /// Brings the index to the stored row: every key of the profile set, every key the row or this writer may have
    /// left removed; then marks the row indexed at the ETag read, or starts over.
    /// </summary>
    private async Task ReconcileAsync(string id, IReadOnlyCollection<string> applied, CancellationToken cancellationToken)
    {
        var added = applied.ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var response = await customers.For(CustomerPartitions.Of(id)).GetEntityIfExistsAsync<TableEntity>(CustomerPartitions.Of(id), CustomerRowKeys.Profile(id), cancellationToken: cancellationToken);
            if (!response.HasValue || (CustomerRecord.IsIndexed(response.Value!) && added.Count == 0))
            {
                return;
            }

            var row = response.Value!;
            var record = CustomerRecord.FromEntity(row);
            var desired = PostingKeys.Of(record);
            var stale = CustomerRecord.StoredIndexKeys(row);
            stale.UnionWith(added);
            stale.ExceptWith(desired.Keys);
            await ApplyAsync(
                desired.Select(d => new PostingChange(d.Key, record.Number, d.Value))
                    .Concat(stale.Select(key => new PostingChange(key, record.Number, null))).ToList(),
                cancellationToken);
            added.UnionWith(desired.Keys);
            if (await TableTransactions.TrySubmitAsync(customers.For(record.Partition), [Mark(record, row.ETag)], cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"customer '{id}' kept changing under {MaxAttempts} attempts to index it");
    }

    /// <summary>Removes the stored customer from the index under every key it may be held by (an erasure).</summary>
    public Task RemoveAsync(TableEntity stored, CancellationToken cancellationToken)
    {
        var number = CustomerRecord.FromEntity(stored).Number;
        return ApplyAsync(CustomerRecord.MayHold(stored).Select(key => new PostingChange(key, number, null)).ToList(), cancellationToken);
    }

    /// <summary>Phone numbers go to the number rows, every other key to the index table.</summary>
    private async Task ApplyAsync(List<PostingChange> changes, CancellationToken cancellationToken)
    {
        var phones = changes.Where(c => c.Key.StartsWith(PostingKeys.PhonePrefix, StringComparison.Ordinal)).ToList();
        await Task.WhenAll(
            postings.ApplyAsync(changes.Where(c => !c.Key.StartsWith(PostingKeys.PhonePrefix, StringComparison.Ordinal)).ToList(), cancellationToken),
            numbers.ApplyPhonesAsync(phones, cancellationToken));
    }

    /// <summary>
    /// The index changes a writer makes for the state it wrote: only the difference from the previous state when that
    /// one was indexed (or there was none), else every key set and every key the index may hold removed.
    /// </summary>
    private static IEnumerable<PostingChange> Changes(WrittenCustomer written, Dictionary<string, PostingEntry> desired)
    {
        var number = written.Record.Number;
        if (written.Before is null || CustomerRecord.IsIndexed(written.Before))
        {
            var old = written.Before is null ? [] : PostingKeys.Of(CustomerRecord.FromEntity(written.Before));
            foreach (var (key, entry) in desired)
            {
                if (!old.TryGetValue(key, out var was) || was.Value != entry.Value)
                {
                    yield return new PostingChange(key, number, entry);
                }
            }

            foreach (var key in old.Keys.Where(key => !desired.ContainsKey(key)))
            {
                yield return new PostingChange(key, number, null);
            }

            yield break;
        }

        foreach (var (key, entry) in desired)
        {
            yield return new PostingChange(key, number, entry);
        }

        foreach (var key in CustomerRecord.MayHold(written.Before).Where(key => !desired.ContainsKey(key)))
        {
            yield return new PostingChange(key, number, null);
        }
    }

    private static TableTransactionAction Mark(CustomerRecord record, ETag etag) =>
        new(TableTransactionActionType.UpdateMerge,
            new TableEntity(record.Partition, CustomerRowKeys.Profile(record.Profile.Id)) { ["Indexed"] = true, ["IndexKeys"] = "" },
            etag);
}

/// <summary>A customer as just written: the state, the row it replaced (null when new) and the ETag of the write (null when unknown).</summary>
internal sealed record WrittenCustomer(CustomerRecord Record, TableEntity? Before, ETag? ETag);
