using Azure.Data.Tables;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Writes a batch of profiles, partition by partition, many customers per transaction. It first assumes the customers
/// are new (no reads at all: the common first import); a transaction refused because one of them exists is redone
/// with the stored rows read and replaced at their ETags, and anything still contended goes one customer at a time.
/// </summary>
internal sealed class CustomerBatchUpsert(TableClient customers, CustomerWriter writer, IReadOnlySet<string> doNotCallPhones, DateTimeOffset now)
{
    private const int Parallelism = 8;
    private int _inserted;
    private int _updated;

    public async Task<UpsertCounts> RunAsync(IReadOnlyList<CustomerProfile> profiles, CancellationToken cancellationToken)
    {
        foreach (var round in Rounds(profiles))
        {
            await TableTransactions.ForEachAsync(round.GroupBy(p => CustomerPartitions.Of(p.Id)), Parallelism, cancellationToken,
                async (partition, token) => await WritePartitionAsync(partition.ToList(), token));
        }

        return new UpsertCounts(_inserted, _updated);
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

    private async Task WritePartitionAsync(List<CustomerProfile> profiles, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunks(profiles.Select(p => new PlannedWrite(p, null, Next(p, null).WriteActions(null)))))
        {
            if (await TableTransactions.TrySubmitAsync(customers, chunk.SelectMany(c => c.Actions).ToList(), cancellationToken))
            {
                Interlocked.Add(ref _inserted, chunk.Count);
            }
            else
            {
                await WriteExistingAsync(chunk.Select(c => c.Profile).ToList(), cancellationToken);
            }
        }
    }

    private async Task WriteExistingAsync(List<CustomerProfile> profiles, CancellationToken cancellationToken)
    {
        var stored = await Task.WhenAll(profiles.Select(p => writer.ReadAsync(CustomerPartitions.Of(p.Id), p.Id, cancellationToken)));
        var planned = profiles.Select((p, i) =>
            new PlannedWrite(p, stored[i], Next(p, stored[i] is { } row ? CustomerRecord.FromEntity(row) : null).WriteActions(stored[i])));
        foreach (var chunk in Chunks(planned))
        {
            if (await TableTransactions.TrySubmitAsync(customers, chunk.SelectMany(c => c.Actions).ToList(), cancellationToken))
            {
                Interlocked.Add(ref _inserted, chunk.Count(c => c.Stored is null));
                Interlocked.Add(ref _updated, chunk.Count(c => c.Stored is not null));
                continue;
            }

            foreach (var profile in chunk.Select(c => c.Profile))
            {
                var inserted = false;
                await writer.ChangeAsync(profile.Id, current =>
                {
                    inserted = current is null;
                    return (Next(profile, current), []);
                }, cancellationToken);
                Interlocked.Increment(ref inserted ? ref _inserted : ref _updated);
            }
        }
    }

    /// <summary>Groups whole customers into transactions of at most 100 operations.</summary>
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

    private sealed record PlannedWrite(CustomerProfile Profile, TableEntity? Stored, List<TableTransactionAction> Actions);

    private CustomerRecord Next(CustomerProfile profile, CustomerRecord? stored) =>
        stored is null
            ? new CustomerRecord(profile, null, null, null, doNotCallPhones.Contains(profile.Phone), now, now)
            : stored with { Profile = profile, DoNotCall = doNotCallPhones.Contains(profile.Phone), UpdatedAt = now };
}
