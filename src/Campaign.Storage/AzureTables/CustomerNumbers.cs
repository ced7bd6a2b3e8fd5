using System.Globalization;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Every customer gets a number when first imported, handed out in blocks from a counter row, so the customers of one
/// import are numbered together and share index rows (<see cref="PostingChunk"/>). Number rows, each holding the ids
/// and phone numbers of 256 consecutive numbers, turn numbers back into ids and find the customers of a phone number.
/// A number whose profile insert lost a race stays unused.
/// </summary>
internal sealed class CustomerNumbers(TableClient table)
{
    private const string CounterPartition = "counter";
    private const int Parallelism = 8;

    /// <summary>Customers per number row: 256 ids and phones of up to 1 KB each stay within an entity's 1 MB.</summary>
    private const int RowSize = 256;

    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first.</summary>
    public async Task<long> ReserveAsync(int count, CancellationToken cancellationToken)
    {
        long first = 0;
        await OptimisticEntity.ChangeAsync(table, CounterPartition, "", stored =>
        {
            first = stored?.GetInt64("Next") ?? 0;
            return new EntityWrite(new TableEntity(CounterPartition, "") { ["Next"] = first + count });
        }, "the customer number counter", cancellationToken);
        return first;
    }

    /// <summary>Records the ids of new numbers; a number given again is replaced.</summary>
    public Task WriteAsync(IEnumerable<(long Number, string Id)> numbers, CancellationToken cancellationToken) =>
        TableTransactions.ForEachAsync(numbers.GroupBy(n => n.Number / RowSize), Parallelism, cancellationToken,
            async (row, token) => await ChangeRowAsync(row.Key, entries =>
            {
                foreach (var (number, id) in row)
                {
                    entries[number] = new NumberEntry(id, entries.TryGetValue(number, out var known) ? known.Phone : null);
                }
            }, token));

    /// <summary>
    /// Records the ids and phones of numbers given to new customers, all within <paramref name="given"/>: the rows
    /// wholly within it are inserted without reading first.
    /// </summary>
    public Task WriteNewAsync(IEnumerable<(long Number, string Id, string Phone)> numbers, NumberRange given, CancellationToken cancellationToken) =>
        TableTransactions.ForEachAsync(numbers.GroupBy(n => n.Number / RowSize), Parallelism, cancellationToken,
            async (row, token) => await ChangeRowAsync(row.Key, entries =>
            {
                foreach (var (number, id, phone) in row)
                {
                    entries[number] = new NumberEntry(id, phone);
                }
            }, token, given.Holds(row.Key * RowSize, (row.Key + 1) * RowSize - 1)));

    /// <summary>Forgets numbers that were given out but will never have a customer (their import gave them up).</summary>
    public Task ForgetAsync(IEnumerable<long> numbers, CancellationToken cancellationToken) =>
        TableTransactions.ForEachAsync(numbers.GroupBy(n => n / RowSize), Parallelism, cancellationToken,
            async (row, token) => await ChangeRowAsync(row.Key, entries =>
            {
                foreach (var number in row)
                {
                    entries.Remove(number);
                }
            }, token));

    /// <summary>Applies phone index changes (<see cref="PostingKeys.Phone"/>): a number takes a phone, or loses it.</summary>
    public Task ApplyPhonesAsync(IReadOnlyCollection<PostingChange> changes, CancellationToken cancellationToken) =>
        TableTransactions.ForEachAsync(changes.GroupBy(c => c.Number / RowSize), Parallelism, cancellationToken,
            async (row, token) => await ChangeRowAsync(row.Key, entries =>
            {
                foreach (var change in row)
                {
                    if (!entries.TryGetValue(change.Number, out var entry))
                    {
                        continue;
                    }

                    if (change.Entry is { } phone)
                    {
                        entries[change.Number] = entry with { Phone = phone.Label };
                    }
                    else if (PostingKeys.Phone(entry.Phone ?? "") == change.Key)
                    {
                        entries[change.Number] = entry with { Phone = null };
                    }
                }
            }, token));

    /// <summary>Forgets which customer a number belonged to (an erasure): its id and phone leave the number row.</summary>
    public Task RemoveAsync(long number, CancellationToken cancellationToken) =>
        ChangeRowAsync(number / RowSize, entries => entries.Remove(number), cancellationToken);

    /// <summary>The ids of the given numbers, in the order given.</summary>
    public async Task<List<string>> IdsAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        var rows = numbers.Select(n => n / RowSize).Distinct().ToList();
        var read = new Dictionary<long, NumberEntry>[rows.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, rows.Count), Parallelism, cancellationToken, async (i, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(rows[i]), Key(rows[i]), cancellationToken: token);
            read[i] = row.HasValue ? Decode(row.Value!) : [];
        });
        var ids = read.SelectMany(r => r).ToDictionary(e => e.Key, e => e.Value.Id);
        return numbers.Where(ids.ContainsKey).Select(n => ids[n]).ToList();
    }

    /// <summary>The id and phone of every number in the set, reading the rows of each block of numbers at once.</summary>
    public async Task<Dictionary<long, (string Id, string? Phone)>> AllIdsAsync(NumberSet numbers, CancellationToken cancellationToken)
    {
        var blocks = numbers.Ascending().Select(PostingChunk.ChunkOf).Distinct().ToList();
        var parts = new List<(long, (string, string?))>[blocks.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, blocks.Count), Parallelism, cancellationToken, async (i, token) =>
        {
            parts[i] = [];
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PostingChunk.RowKey(blocks[i])}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: token))
            {
                parts[i].AddRange(Decode(row).Where(n => numbers.Contains(n.Key)).Select(n => (n.Key, (n.Value.Id, n.Value.Phone))));
            }
        });
        return parts.SelectMany(p => p).ToDictionary(p => p.Item1, p => p.Item2);
    }

    /// <summary>
    /// The ids of the customers whose number row holds one of the phones: one pass over the number rows (a row per
    /// 256 customers), however many phones are asked for.
    /// </summary>
    public async Task<HashSet<string>> IdsWithPhonesAsync(IReadOnlySet<string> phones, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ne {CounterPartition} and PartitionKey ne {PendingImports.Partition}"), cancellationToken: cancellationToken))
        {
            ids.UnionWith(Decode(row).Values.Where(e => e.Phone is { } phone && phones.Contains(phone)).Select(e => e.Id));
        }

        return ids;
    }

    private Task ChangeRowAsync(long row, Action<Dictionary<long, NumberEntry>> change, CancellationToken cancellationToken, bool likelyAbsent = false) =>
        OptimisticEntity.ChangeAsync(table, Partition(row), Key(row), stored =>
        {
            var entries = stored is null ? [] : Decode(stored);
            var before = Encode(entries);
            change(entries);
            var after = Encode(entries);
            if (stored is not null && after == before)
            {
                return EntityWrite.Nothing;
            }

            var entity = new TableEntity(Partition(row), Key(row));
            TableText.Write(entity, "Ids", after);
            return new EntityWrite(entity);
        }, $"customer number row {row}", cancellationToken, likelyAbsent);

    /// <summary>One line per number: its offset in the row, the id and the phone, escaped.</summary>
    private static string Encode(Dictionary<long, NumberEntry> entries) =>
        string.Join('\n', entries.OrderBy(e => e.Key).Select(e =>
            $"{e.Key % RowSize}\t{TableKeys.Escape(e.Value.Id)}\t{TableKeys.Escape(e.Value.Phone ?? "")}"));

    private static Dictionary<long, NumberEntry> Decode(TableEntity row)
    {
        var first = long.Parse(row.RowKey, CultureInfo.InvariantCulture) * RowSize;
        var entries = new Dictionary<long, NumberEntry>();
        foreach (var line in TableText.Read(row, "Ids").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            var phone = parts.Length > 2 && parts[2].Length > 0 ? TableKeys.Unescape(parts[2]) : null;
            entries[first + long.Parse(parts[0], CultureInfo.InvariantCulture)] = new NumberEntry(TableKeys.Unescape(parts[1]), phone);
        }

        return entries;
    }

    /// <summary>Rows of 256 numbers are the block's partition (<see cref="PostingChunk"/>) and their place in it.</summary>
    private static string Partition(long row) => PostingChunk.RowKey(row * RowSize / PostingChunk.Size);

    private static string Key(long row) => row.ToString("D12", CultureInfo.InvariantCulture);

    private sealed record NumberEntry(string Id, string? Phone);
}
