using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// The customer index: partition = index key (<see cref="PostingKeys"/>), one row per block of customer numbers
/// (<see cref="PostingChunk"/>). A criterion reads one partition — a few hundred rows for a million customers —
/// instead of one row per matching customer. Rows change by read, modify and replace at the ETag read.
/// </summary>
internal sealed class PostingTable(TableClient table)
{
    private const int Parallelism = 8;
    private static readonly string[] OffsetsOnly = ["PartitionKey", "RowKey", "Offsets"];
    private static readonly string[] OffsetsAndValues = ["PartitionKey", "RowKey", "Offsets", "Values"];
    private static readonly string[] LabelledOffsets = ["PartitionKey", "RowKey", "Offsets", "Label"];

    /// <summary>
    /// Applies the changes, row by row. The rows of blocks wholly within <paramref name="newNumbers"/> (numbers no one
    /// else has been given) are inserted without reading first.
    /// </summary>
    public Task ApplyAsync(IReadOnlyCollection<PostingChange> changes, CancellationToken cancellationToken, NumberRange? newNumbers = null) =>
        changes.Count == 0
            ? Task.CompletedTask
            : TableTransactions.ForEachAsync(changes.GroupBy(c => (c.Key, Chunk: PostingChunk.ChunkOf(c.Number))), Parallelism, cancellationToken,
                async (row, token) => await ApplyRowAsync(row.Key.Key, row.Key.Chunk, row.ToList(), token,
                    newNumbers?.Holds(row.Key.Chunk * PostingChunk.Size, (row.Key.Chunk + 1) * PostingChunk.Size - 1) == true));

    /// <summary>The customers holding the key whose value <paramref name="keep"/> accepts (all when null).</summary>
    public async Task<NumberSet> ReadAsync(string key, CancellationToken cancellationToken, Func<long, bool>? keep = null)
    {
        var numbers = new NumberSet();
        var columns = keep is null ? OffsetsOnly : OffsetsAndValues;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key}"), select: columns, cancellationToken: cancellationToken))
        {
            var first = long.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture) * PostingChunk.Size;
            PostingChunk.Decode(row, (offset, value) =>
            {
                if (keep is null || keep(value))
                {
                    numbers.Add(first + offset);
                }
            });
        }

        return numbers;
    }

    /// <summary>For every key starting with <paramref name="prefix"/>: the text it stands for and its customers.</summary>
    public async Task<List<(string Label, NumberSet Numbers)>> ReadPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, (string Label, NumberSet Numbers)>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {TableKeys.PrefixEnd(prefix)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: LabelledOffsets, cancellationToken: cancellationToken))
        {
            if (!keys.TryGetValue(row.PartitionKey, out var found))
            {
                var label = row.GetString("Label");
                found = keys[row.PartitionKey] = (string.IsNullOrEmpty(label) ? TableKeys.LastPart(row.PartitionKey) : label, new NumberSet());
            }

            var first = long.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture) * PostingChunk.Size;
            PostingChunk.Decode(row, (offset, _) => found.Numbers.Add(first + offset));
        }

        return keys.Values.ToList();
    }

    private Task ApplyRowAsync(string key, long chunk, List<PostingChange> changes, CancellationToken cancellationToken, bool likelyAbsent)
    {
        var label = changes.Select(c => c.Entry?.Label).FirstOrDefault(l => !string.IsNullOrEmpty(l)) ?? "";
        return OptimisticEntity.ChangeAsync(table, key, PostingChunk.RowKey(chunk), stored =>
        {
            var rows = stored is null ? new PostingChunk() : PostingChunk.Read(stored);
            if (!rows.Apply(changes))
            {
                return EntityWrite.Nothing;
            }

            return rows.Count == 0
                ? EntityWrite.Remove
                : new EntityWrite(rows.ToEntity(key, chunk, label.Length > 0 ? label : stored?.GetString("Label") ?? ""));
        }, $"index row '{key}' block {chunk}", cancellationToken, likelyAbsent);
    }
}
