using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Finishes imports that stopped between writing the index and inserting the profiles (<see cref="NewCustomerImport"/>):
/// for each abandoned marker, the numbers of its block that no profile holds leave every index row of the block and
/// the number rows, then the marker goes. Markers still young may belong to an import at work and are left alone.
/// </summary>
internal sealed class PendingImportRepair(CustomerTables customers, TableClient index, PostingTable postings, CustomerNumbers numbers, PendingImports pending)
{
    private static readonly string[] NumberOnly = ["Number"];
    private static readonly string[] OffsetsOnly = ["PartitionKey", "RowKey", "Offsets"];

    /// <summary>
    /// Repairs the abandoned markers; returns how many numbers left the index, and how long until the youngest marker
    /// left becomes abandoned (null when none is left).
    /// </summary>
    public async Task<(int Removed, TimeSpan? Next)> RepairAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        TimeSpan? next = null;
        var removed = 0;
        foreach (var marker in await pending.ListAsync(cancellationToken))
        {
            if (!marker.IsAbandonedAt(now))
            {
                var wait = marker.StartedAt + PendingImports.AbandonedAfter - now;
                next = next is { } known && known < wait ? known : wait;
                continue;
            }

            removed += await RepairAsync(marker, cancellationToken);
            await pending.FinishAsync(marker, cancellationToken);
        }

        return (removed, next);
    }

    private async Task<int> RepairAsync(PendingImport marker, CancellationToken cancellationToken)
    {
        var held = await NumbersWithProfilesAsync(marker, cancellationToken);
        var unused = new HashSet<long>();
        for (var number = marker.First; number <= marker.Last; number++)
        {
            if (!held.Contains(number))
            {
                unused.Add(number);
            }
        }

        if (unused.Count == 0)
        {
            return 0;
        }

        var changes = new List<PostingChange>();
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {PostingChunk.RowKey(PostingChunk.ChunkOf(marker.First))} and RowKey le {PostingChunk.RowKey(PostingChunk.ChunkOf(marker.Last))}");
        await foreach (var row in index.QueryAsync<TableEntity>(filter, select: OffsetsOnly, cancellationToken: cancellationToken))
        {
            var first = long.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture) * PostingChunk.Size;
            PostingChunk.Decode(row, (offset, _) =>
            {
                if (unused.Contains(first + offset))
                {
                    changes.Add(new PostingChange(row.PartitionKey, first + offset, null));
                }
            });
        }

        await postings.ApplyAsync(changes, cancellationToken);
        await numbers.ForgetAsync(unused, cancellationToken);
        return changes.Select(c => c.Number).Distinct().Count();
    }

    /// <summary>The numbers of the marker's block that a profile holds: one query per customer table.</summary>
    private async Task<HashSet<long>> NumbersWithProfilesAsync(PendingImport marker, CancellationToken cancellationToken)
    {
        var held = new HashSet<long>();
        var filter = TableClient.CreateQueryFilter($"Number ge {marker.First} and Number le {marker.Last}");
        foreach (var table in customers.All)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: NumberOnly, cancellationToken: cancellationToken))
            {
                held.Add(row.GetInt64("Number") ?? -1);
            }
        }

        return held;
    }
}
