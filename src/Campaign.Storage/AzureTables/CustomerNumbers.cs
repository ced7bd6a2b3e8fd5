using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Every customer gets a number when first imported, handed out in blocks from a counter row, so the customers of one
/// import are numbered together and share index rows (<see cref="PostingChunk"/>). Number rows, each holding the ids
/// of 256 consecutive numbers, turn numbers back into ids. A number whose profile insert lost a race stays unused.
/// </summary>
internal sealed class CustomerNumbers(TableClient table)
{
    private const string CounterPartition = "counter";
    private const int MaxAttempts = 50;
    private const int Parallelism = 8;

    /// <summary>Ids per number row: 256 ids of up to 1 KB each stay well within an entity's 1 MB.</summary>
    private const int RowSize = 256;

    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first.</summary>
    public async Task<long> ReserveAsync(int count, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(CounterPartition, "", cancellationToken: cancellationToken);
            var first = stored.HasValue ? stored.Value!.GetInt64("Next") ?? 0 : 0;
            var next = new TableEntity(CounterPartition, "") { ["Next"] = first + count };
            try
            {
                if (stored.HasValue)
                {
                    await table.UpdateEntityAsync(next, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(next, cancellationToken);
                }

                return first;
            }
            catch (RequestFailedException e) when (TableTransactions.IsConflict(e))
            {
                await Task.Delay(Random.Shared.Next(2, 10 + attempt * 5), cancellationToken);
            }
        }

        throw new InvalidOperationException($"the customer number counter kept changing under {MaxAttempts} attempts to reserve numbers");
    }

    /// <summary>Records the ids of new numbers; a number given again is replaced.</summary>
    public Task WriteAsync(IEnumerable<(long Number, string Id)> numbers, CancellationToken cancellationToken) =>
        TableTransactions.ForEachAsync(numbers.GroupBy(n => n.Number / RowSize), Parallelism, cancellationToken,
            async (row, token) => await AddToRowAsync(row.Key, row.ToList(), token));

    /// <summary>The ids of the given numbers, in the order given.</summary>
    public async Task<List<string>> IdsAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        var rows = numbers.Select(n => n / RowSize).Distinct().ToList();
        var read = new Dictionary<long, string>[rows.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, rows.Count), Parallelism, cancellationToken, async (i, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(rows[i]), Key(rows[i]), cancellationToken: token);
            read[i] = row.HasValue ? Decode(row.Value!) : [];
        });
        var ids = read.SelectMany(r => r).ToDictionary();
        return numbers.Where(ids.ContainsKey).Select(n => ids[n]).ToList();
    }

    /// <summary>The ids of every number in the set, reading the rows of each block of numbers at once.</summary>
    public async Task<Dictionary<long, string>> AllIdsAsync(NumberSet numbers, CancellationToken cancellationToken)
    {
        var blocks = numbers.Ascending().Select(PostingChunk.ChunkOf).Distinct().ToList();
        var parts = new List<KeyValuePair<long, string>>[blocks.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, blocks.Count), Parallelism, cancellationToken, async (i, token) =>
        {
            parts[i] = [];
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PostingChunk.RowKey(blocks[i])}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: token))
            {
                parts[i].AddRange(Decode(row).Where(n => numbers.Contains(n.Key)));
            }
        });
        return parts.SelectMany(p => p).ToDictionary();
    }

    private async Task AddToRowAsync(long row, List<(long Number, string Id)> added, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(Partition(row), Key(row), cancellationToken: cancellationToken);
            var ids = stored.HasValue ? Decode(stored.Value!) : [];
            foreach (var (number, id) in added)
            {
                ids[number] = id;
            }

            var entity = new TableEntity(Partition(row), Key(row));
            TableText.Write(entity, "Ids", string.Join('\n', ids.OrderBy(n => n.Key).Select(n => $"{n.Key - row * RowSize}\t{TableKeys.Escape(n.Value)}")));
            try
            {
                if (stored.HasValue)
                {
                    await table.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (TableTransactions.IsConflict(e))
            {
                await Task.Delay(Random.Shared.Next(2, 10 + attempt * 5), cancellationToken);
            }
        }

        throw new InvalidOperationException($"customer number row {row} kept changing under {MaxAttempts} attempts to update it");
    }

    private static Dictionary<long, string> Decode(TableEntity row)
    {
        var first = long.Parse(row.RowKey, CultureInfo.InvariantCulture) * RowSize;
        var ids = new Dictionary<long, string>();
        foreach (var line in TableText.Read(row, "Ids").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            ids[first + long.Parse(line.AsSpan(0, tab), CultureInfo.InvariantCulture)] = TableKeys.Unescape(line[(tab + 1)..]);
        }

        return ids;
    }

    /// <summary>Rows of 256 numbers are the block's partition (<see cref="PostingChunk"/>) and their place in it.</summary>
    private static string Partition(long row) => PostingChunk.RowKey(row * RowSize / PostingChunk.Size);

    private static string Key(long row) => row.ToString("D12", CultureInfo.InvariantCulture);
}
