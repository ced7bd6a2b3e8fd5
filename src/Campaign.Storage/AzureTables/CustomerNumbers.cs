using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Every customer gets a number when first imported, handed out in blocks from a counter row, so the customers of one
/// import are numbered together and share index rows (<see cref="PostingChunk"/>). Number rows (partition: the
/// block, row: the number) turn numbers back into ids. A number whose profile insert lost a race stays unused.
/// </summary>
internal sealed class CustomerNumbers(TableClient table)
{
    private const string CounterPartition = "counter";
    private const int MaxAttempts = 50;
    private const int Parallelism = 8;

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

    /// <summary>Writes number rows; a row already there (the same number given again) is replaced.</summary>
    public Task WriteAsync(IEnumerable<(long Number, string Id)> numbers, CancellationToken cancellationToken) =>
        TableTransactions.ForEachAsync(
            numbers.GroupBy(n => PostingChunk.ChunkOf(n.Number)).SelectMany(block => block.Chunk(TableTransactions.MaxOperations)),
            Parallelism, cancellationToken,
            async (rows, token) => await table.SubmitTransactionAsync(
                rows.Select(n => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(n.Number, n.Id))).ToList(), token));

    /// <summary>The ids of the given numbers, in the order given.</summary>
    public async Task<List<string>> IdsAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        var ids = new string?[numbers.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, numbers.Count), Parallelism * 2, cancellationToken, async (i, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(numbers[i]), Key(numbers[i]), cancellationToken: token);
            ids[i] = row.HasValue ? row.Value!.GetString("Id") : null;
        });
        return ids.OfType<string>().ToList();
    }

    /// <summary>The ids of every number in the set, reading the number rows block by block.</summary>
    public async Task<Dictionary<long, string>> AllIdsAsync(NumberSet numbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, string>();
        var blocks = numbers.Ascending().Select(PostingChunk.ChunkOf).Distinct().ToList();
        var parts = new List<(long, string)>[blocks.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, blocks.Count), Parallelism, cancellationToken, async (i, token) =>
        {
            parts[i] = [];
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PostingChunk.RowKey(blocks[i])}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Id"], cancellationToken: token))
            {
                var number = long.Parse(row.RowKey, CultureInfo.InvariantCulture);
                if (numbers.Contains(number))
                {
                    parts[i].Add((number, row.GetString("Id")));
                }
            }
        });
        foreach (var (number, id) in parts.SelectMany(p => p))
        {
            found[number] = id;
        }

        return found;
    }

    private static TableEntity Row(long number, string id) => new(Partition(number), Key(number)) { ["Id"] = id };

    private static string Partition(long number) => PostingChunk.RowKey(PostingChunk.ChunkOf(number));

    private static string Key(long number) => number.ToString("D12", CultureInfo.InvariantCulture);
}
