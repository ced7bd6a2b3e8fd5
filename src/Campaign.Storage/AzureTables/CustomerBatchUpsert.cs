using System.Collections.Concurrent;
using Azure.Data.Tables;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Writes a batch of profiles, partition by partition, many customers per transaction, then indexes them together.
/// It first assumes the customers are new (no reads at all: the common first import), numbering them as one block.
/// The first customer goes first, the regular way; when it was new, the rest are written index first
/// (<see cref="NewCustomerImport"/>), else the regular way too: a transaction refused because one of them exists is
/// redone with the stored rows read and replaced at their ETags, and anything still contended goes one customer at a
/// time.
/// </summary>
internal sealed class CustomerBatchUpsert(
    CustomerTables customers, CustomerNumbers numbers, CustomerWriter writer, CustomerIndexer indexer, NewCustomerImport newCustomers,
    IReadOnlySet<string> doNotCallPhones, DateTimeOffset now)
{
    private const int Parallelism = 8;
    private readonly ConcurrentBag<WrittenCustomer> _written = [];
    private int _inserted;
    private int _updated;

    public async Task<UpsertCounts> RunAsync(IReadOnlyList<CustomerProfile> profiles, CancellationToken cancellationToken)
    {
        foreach (var round in Rounds(profiles))
        {
            // The first customer tells whether the batch is likely new: an import or a re-import.
            var numbered = await NumberAsync(round, cancellationToken);
            var insertedBefore = _inserted;
            await WriteAsync(numbered[..1], cancellationToken);
            if (_inserted > insertedBefore && numbered.Count > 1)
            {
                var (inserted, handedBack) = await newCustomers.WriteAsync(numbered[1..].Select(n => New(n.Profile, n.Number)).ToList(), cancellationToken);
                Interlocked.Add(ref _inserted, inserted);
                if (handedBack.Count > 0)
                {
                    await WriteAsync(await NumberAsync(handedBack.Select(r => r.Profile).ToList(), cancellationToken), cancellationToken);
                }
            }
            else
            {
                await WriteAsync(numbered[1..], cancellationToken);
            }

            await indexer.IndexAsync(_written.ToList(), cancellationToken);
            _written.Clear();
        }

        return new UpsertCounts(_inserted, _updated);
    }

    private async Task<List<(CustomerProfile Profile, long Number)>> NumberAsync(List<CustomerProfile> profiles, CancellationToken cancellationToken)
    {
        var first = await numbers.ReserveAsync(profiles.Count, cancellationToken);
        return profiles.Select((profile, i) => (Profile: profile, Number: first + i)).ToList();
    }

    /// <summary>The regular write: numbers recorded, then each partition's customers inserted, or replaced where they exist.</summary>
    private async Task WriteAsync(List<(CustomerProfile Profile, long Number)> numbered, CancellationToken cancellationToken)
    {
        await numbers.WriteAsync(numbered.Select(n => (n.Number, n.Profile.Id)), cancellationToken);
        await TableTransactions.ForEachAsync(numbered.GroupBy(n => CustomerPartitions.Of(n.Profile.Id)), Parallelism, cancellationToken,
            async (partition, token) => await WritePartitionAsync(partition.ToList(), token));
    }

    /// <summary>An id given twice is written twice, in order, as the embedded store does: each round holds an id once.</summary>
    private static IEnumerable<List<CustomerProfile>> Rounds(IReadOnlyList<CustomerProfile> profiles)
    {
        var rounds = new List<List<CustomerProfile>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            var round = seen.TryGetValue(profile.Id, out var count) ? count : 0;
            seen[profile.Id] = round + 1;
            if (rounds.Count == round)
            {
                rounds.Add([]);
            }

            rounds[round].Add(profile);
        }

        return rounds;
    }

    private async Task WritePartitionAsync(List<(CustomerProfile Profile, long Number)> profiles, CancellationToken cancellationToken)
    {
        var planned = profiles.Select(p => Plan(p.Profile, null, p.Number));
        foreach (var chunk in Chunks(planned))
        {
            if (await SubmitAsync(chunk, cancellationToken))
            {
                Interlocked.Add(ref _inserted, chunk.Count);
            }
            else
            {
                await WriteExistingAsync(chunk.Select(c => (c.Record.Profile, c.Record.Number)).ToList(), cancellationToken);
            }
        }
    }

    private async Task WriteExistingAsync(List<(CustomerProfile Profile, long Number)> profiles, CancellationToken cancellationToken)
    {
        var stored = await Task.WhenAll(profiles.Select(p => writer.ReadAsync(CustomerPartitions.Of(p.Profile.Id), p.Profile.Id, cancellationToken)));
        foreach (var chunk in Chunks(profiles.Select((p, i) => Plan(p.Profile, stored[i], p.Number))))
        {
            if (await SubmitAsync(chunk, cancellationToken))
            {
                Interlocked.Add(ref _inserted, chunk.Count(c => c.Stored is null));
                Interlocked.Add(ref _updated, chunk.Count(c => c.Stored is not null));
                continue;
            }

            foreach (var (profile, number) in chunk.Select(c => (c.Record.Profile, c.Record.Number)))
            {
                var inserted = false;
                await writer.ChangeAsync(profile.Id, current =>
                {
                    inserted = current is null;
                    return (Next(profile, current, number), []);
                }, cancellationToken);
                Interlocked.Increment(ref inserted ? ref _inserted : ref _updated);
            }
        }
    }

    /// <summary>Submits the customers' writes as one transaction and notes them for indexing; false when refused.</summary>
    private async Task<bool> SubmitAsync(List<PlannedWrite> chunk, CancellationToken cancellationToken)
    {
        var responses = await TableTransactions.TrySubmitForResponsesAsync(customers.For(chunk[0].Record.Partition), chunk.SelectMany(c => c.Actions).ToList(), cancellationToken);
        if (responses is null)
        {
            return false;
        }

        var index = 0;
        foreach (var write in chunk)
        {
            _written.Add(new WrittenCustomer(write.Record, write.Stored, TableTransactions.ETagOf(responses, index)));
            index += write.Actions.Count;
        }

        return true;
    }

    /// <summary>Groups customers into transactions of at most 100 operations.</summary>
    private static IEnumerable<List<PlannedWrite>> Chunks(IEnumerable<PlannedWrite> customers)
    {
        var chunk = new List<PlannedWrite>();
        var operations = 0;
        foreach (var customer in customers)
        {
            var count = customer.Actions.Count;
            if (operations + count > TableTransactions.MaxOperations && chunk.Count > 0)
            {
                yield return chunk;
                chunk = [];
                operations = 0;
            }

            chunk.Add(customer);
            operations += count;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private sealed record PlannedWrite(CustomerRecord Record, TableEntity? Stored, List<TableTransactionAction> Actions);

    private PlannedWrite Plan(CustomerProfile profile, TableEntity? stored, long number)
    {
        var record = Next(profile, stored is null ? null : CustomerRecord.FromEntity(stored), number);
        return new PlannedWrite(record, stored, [record.WriteAction(stored)]);
    }

    /// <summary>A new customer takes the number reserved for it; an existing one keeps its own.</summary>
    private CustomerRecord Next(CustomerProfile profile, CustomerRecord? stored, long number) =>
        stored is null
            ? New(profile, number)
            : stored with { Profile = profile with { Consent = ConsentHistory.Merge(stored.Profile.Consent, profile.Consent) }, DoNotCall = doNotCallPhones.Contains(profile.Phone), UpdatedAt = now };

    private CustomerRecord New(CustomerProfile profile, long number) =>
        new(profile, number, null, null, null, doNotCallPhones.Contains(profile.Phone), now, now);
}
