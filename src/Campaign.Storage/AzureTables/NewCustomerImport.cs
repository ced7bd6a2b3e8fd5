using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Writes customers believed new with one entity operation each: their index entries and number rows first, then
/// the profiles inserted already marked indexed, up to 100 per transaction. A marker (<see cref="PendingImports"/>)
/// written before the index and deleted after the profiles lets a later directory remove what a stopped import
/// left in the index (<see cref="PendingImportRepair"/>). A transaction refused because one of its customers exists,
/// or not sent because the marker's window closed, gives its numbers up: their entries are removed again and the
/// customers are handed back for the regular write.
/// </summary>
internal sealed class NewCustomerImport(
    CustomerTables customers, PostingTable postings, CustomerNumbers numbers, PendingImports pending, TimeProvider clock,
    Func<CancellationToken, Task>? afterIndexWritten)
{
    private const int Parallelism = 8;

    /// <summary>Writes the customers; returns how many were inserted and those handed back.</summary>
    public async Task<(int Inserted, List<CustomerRecord> HandedBack)> WriteAsync(IReadOnlyList<CustomerRecord> records, CancellationToken cancellationToken)
    {
        var marker = await pending.StartAsync(records.Min(r => r.Number), records.Max(r => r.Number), clock.GetUtcNow(), cancellationToken);
        var keys = records.ToDictionary(r => r.Number, r => PostingKeys.Of(r));
        var given = new NumberRange(marker.First, marker.Last);
        await Task.WhenAll(
            numbers.WriteNewAsync(records.Select(r => (r.Number, r.Profile.Id, r.Profile.Phone)), given, cancellationToken),
            postings.ApplyAsync(IndexChanges(records, keys, join: true), cancellationToken, given));
        if (afterIndexWritten is not null)
        {
            await afterIndexWritten(cancellationToken);
        }

        var inserted = 0;
        var handedBack = new ConcurrentBag<CustomerRecord>();
        var transactions = records.GroupBy(r => r.Partition).SelectMany(partition => partition.Chunk(TableTransactions.MaxOperations));
        await TableTransactions.ForEachAsync(transactions, Parallelism, cancellationToken, async (chunk, token) =>
        {
            var table = customers.For(chunk[0].Partition);
            var inserts = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r.ToEntity([], indexed: true))).ToList();
            if (marker.MayInsertAt(clock.GetUtcNow()) && await TableTransactions.TrySubmitAsync(table, inserts, token))
            {
                Interlocked.Add(ref inserted, chunk.Length);
                return;
            }

            foreach (var record in chunk)
            {
                handedBack.Add(record);
            }
        });

        if (!handedBack.IsEmpty)
        {
            await Task.WhenAll(
                postings.ApplyAsync(IndexChanges(handedBack, keys, join: false), cancellationToken),
                numbers.ForgetAsync(handedBack.Select(r => r.Number), cancellationToken));
        }

        await pending.FinishAsync(marker, cancellationToken);
        return (inserted, handedBack.OrderBy(r => r.Number).ToList());
    }

    /// <summary>The customers join (or leave) every key they hold; phone numbers are in the number rows instead.</summary>
    private static List<PostingChange> IndexChanges(IEnumerable<CustomerRecord> records, Dictionary<long, Dictionary<string, PostingEntry>> keys, bool join) =>
        records.SelectMany(r => keys[r.Number]
                .Where(k => !k.Key.StartsWith(PostingKeys.PhonePrefix, StringComparison.Ordinal))
                .Select(k => new PostingChange(k.Key, r.Number, join ? k.Value : null)))
            .ToList();
}
