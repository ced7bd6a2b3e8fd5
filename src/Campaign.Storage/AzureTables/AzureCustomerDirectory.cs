using Azure.Data.Tables;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// The customer directory on Azure Tables. Each customer lives in one of <see cref="CustomerPartitions.Count"/>
/// partitions with its contact attempts and index rows, and every change to a customer is one transaction on the
/// profile row's ETag, so several silos can write at once. Segment queries read index key ranges, never profiles.
/// See docs/storage-azure.md.
/// </summary>
public sealed class AzureCustomerDirectory : ICustomerDirectory
{
    private const int ReadParallelism = 16;
    private readonly AzureTableSet _tables;
    private readonly TimeProvider _clock;
    private readonly CustomerIndexReader _index;
    private readonly CustomerWriter _writer;
    private readonly DoNotCallList _doNotCall;

    public AzureCustomerDirectory(AzureTableSet tables, TimeProvider clock)
    {
        _tables = tables;
        _clock = clock;
        _index = new CustomerIndexReader(tables.Customers);
        _writer = new CustomerWriter(tables.Customers);
        _doNotCall = new DoNotCallList(tables.DoNotCall);
    }

    public async Task<UpsertCounts> UpsertAsync(IReadOnlyList<CustomerProfile> customers, CancellationToken cancellationToken = default)
    {
        if (customers.Count == 0)
        {
            return new UpsertCounts(0, 0);
        }

        await _tables.ReadyAsync();
        var listed = await _doNotCall.PhonesAsync(cancellationToken);
        return await new CustomerBatchUpsert(_tables.Customers, _writer, listed, _clock.GetUtcNow()).RunAsync(customers, cancellationToken);
    }

    public async Task<CustomerProfile?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await ReadAsync(id, cancellationToken))?.Profile;

    public async Task<IReadOnlyList<ContactAttempt>> GetContactHistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        var history = new List<ContactAttempt>();
        var filter = TableKeys.PrefixFilter(CustomerPartitions.Of(id), CustomerRowKeys.AttemptPrefix(id));
        await foreach (var row in _tables.Customers.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            history.Add(ContactAttemptRow.Read(row));
        }

        return history.OrderBy(a => a.At).ThenBy(a => a.CallId, StringComparer.Ordinal).ToList();
    }

    public async Task<int> CountAttemptsSinceAsync(string id, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        (await GetContactHistoryAsync(id, cancellationToken)).Count(a => a.At.ToUnixTimeSeconds() >= since.ToUnixTimeSeconds());

    public async Task<bool> RecordContactAsync(string customerId, ContactAttempt attempt, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        return await _writer.ChangeAsync(customerId, stored => stored is null
            ? null
            : (ContactAttemptRow.Apply(stored, attempt), [new TableTransactionAction(TableTransactionActionType.Add, ContactAttemptRow.Write(customerId, attempt))]),
            cancellationToken);
    }

    public async Task<CustomerPage> QueryAsync(SegmentCriteria criteria, int skip, int take, bool includeDoNotCall = false, CancellationToken cancellationToken = default)
    {
        var ids = await MatchAsync(criteria, _clock.GetUtcNow(), excludeDoNotCall: !includeDoNotCall, cancellationToken);
        var page = PageOf(ids, skip, take);
        var rows = new CustomerRecord?[page.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, page.Count), ReadParallelism, cancellationToken,
            async (i, token) => rows[i] = await ReadAsync(page[i], token));
        return new CustomerPage(ids.Count, rows.OfType<CustomerRecord>().Select(r => r.ToSummary()).ToList());
    }

    public async Task<int> CountAsync(SegmentCriteria criteria, CancellationToken cancellationToken = default) =>
        (await MatchAsync(criteria, _clock.GetUtcNow(), excludeDoNotCall: true, cancellationToken)).Count;

    public async Task<int> CountMissingAsync(SegmentCriteria criteria, CustomerData data, string? attributeName = null, CancellationToken cancellationToken = default)
    {
        var ids = await MatchAsync(criteria, _clock.GetUtcNow(), excludeDoNotCall: true, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var having = data switch
        {
            CustomerData.Area => await _index.PrefixAsync(CustomerRowKeys.AreaPrefix, cancellationToken),
            CustomerData.Address => await _index.PrefixAsync(CustomerRowKeys.AddressPrefix, cancellationToken),
            CustomerData.Issue => await _index.PrefixAsync(CustomerRowKeys.IssuePrefix, cancellationToken),
            _ => await NonEmptyAttributeAsync(attributeName ?? "", cancellationToken),
        };
        ids.ExceptWith(having);
        return ids.Count;
    }

    public async Task<int> CountAllAsync(CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        return (await _index.AllAsync(cancellationToken)).Count;
    }

    public async Task<bool> IsDoNotCallAsync(string phone, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        return await _doNotCall.ContainsAsync(phone, cancellationToken);
    }

    public async Task<int> AddDoNotCallAsync(IReadOnlyList<DoNotCallEntry> entries, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        var added = 0;
        foreach (var entry in entries)
        {
            if (await _doNotCall.TryAddAsync(entry, cancellationToken))
            {
                added++;
                await MarkCustomersAsync(entry.Phone, onList: true, cancellationToken);
            }
        }

        return added;
    }

    public async Task<bool> RemoveDoNotCallAsync(string phone, string source, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        if (!await _doNotCall.TryRemoveAsync(phone, source, _clock.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await MarkCustomersAsync(phone, onList: false, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<DoNotCallEntry>> ListDoNotCallAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        return (await _doNotCall.ListAsync(cancellationToken))
            .OrderByDescending(e => e.At).ThenBy(e => e.Phone, StringComparer.Ordinal).Skip(skip).Take(take).ToList();
    }

    public async Task<int> CountDoNotCallAsync(CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        return await _doNotCall.CountAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DoNotCallChange>> ListDoNotCallChangesAsync(string? phone, int skip, int take, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        return await _doNotCall.ChangesAsync(phone, Math.Max(0, skip), take, cancellationToken);
    }

    /// <summary>Ids of the customers matching the criteria, those on the do-not-call list left out when asked.</summary>
    internal async Task<HashSet<string>> MatchAsync(SegmentCriteria criteria, DateTimeOffset now, bool excludeDoNotCall, CancellationToken cancellationToken)
    {
        await _tables.ReadyAsync();
        var doNotCall = excludeDoNotCall ? DoNotCallCustomersAsync(cancellationToken) : Task.FromResult(new HashSet<string>());
        var matched = await new CriteriaSetEvaluator(_index, now).EvaluateAsync(criteria, cancellationToken);
        var ids = await matched.ResolveAsync(() => _index.AllAsync(cancellationToken));
        ids.ExceptWith(await doNotCall);
        return ids;
    }

    /// <summary>Time zone and area of the given customers, read from the profile rows' two columns only.</summary>
    internal async Task<Dictionary<string, (string? TimeZone, string? Area)>> ZoneInputsAsync(IReadOnlySet<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (string?, string?)>(ids.Count, StringComparer.Ordinal);
        var columns = new[] { "RowKey", "TimeZone", "Area" };
        var parts = await Task.WhenAll(CustomerPartitions.All.Select(async partition =>
        {
            var rows = new List<(string Id, string? TimeZone, string? Area)>();
            var filter = TableKeys.PrefixFilter(partition, CustomerRowKeys.ProfilePrefix);
            await foreach (var row in _tables.Customers.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: columns, cancellationToken))
            {
                var id = TableKeys.LastPart(row.RowKey);
                if (ids.Contains(id))
                {
                    rows.Add((id, row.GetString("TimeZone"), row.GetString("Area")));
                }
            }

            return rows;
        }));
        foreach (var (id, timeZone, area) in parts.SelectMany(p => p))
        {
            found[id] = (timeZone, area);
        }

        return found;
    }

    /// <summary>The customers marked do-not-call; none to read while the list itself is empty.</summary>
    private async Task<HashSet<string>> DoNotCallCustomersAsync(CancellationToken cancellationToken) =>
        await _doNotCall.IsEmptyAsync(cancellationToken) ? [] : await _index.DoNotCallAsync(cancellationToken);

    private async Task<CustomerRecord?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await _tables.ReadyAsync();
        var row = await _writer.ReadAsync(CustomerPartitions.Of(id), id, cancellationToken);
        return row is null ? null : CustomerRecord.FromEntity(row);
    }

    private Task<HashSet<string>> NonEmptyAttributeAsync(string name, CancellationToken cancellationToken)
    {
        var prefix = CustomerRowKeys.AttributeName(name);
        return _index.PrefixAsync(prefix, cancellationToken, row => row[prefix.Length] != TableKeys.Separator);
    }

    private async Task MarkCustomersAsync(string phone, bool onList, CancellationToken cancellationToken)
    {
        foreach (var id in await _index.PrefixAsync(CustomerRowKeys.Phone(phone), cancellationToken))
        {
            await _writer.ChangeAsync(id, stored => stored is null || stored.Profile.Phone != phone || stored.DoNotCall == onList
                ? null
                : (stored with { DoNotCall = onList }, []), cancellationToken);
        }
    }

    /// <summary>The ids ranked skip+1 … skip+take in ordinal order, without sorting the whole set.</summary>
    private static List<string> PageOf(HashSet<string> ids, int skip, int take)
    {
        var keep = (long)Math.Max(0, skip) + Math.Max(0, take);
        if (take <= 0 || skip >= ids.Count)
        {
            return [];
        }

        if (keep >= ids.Count)
        {
            return ids.Order(StringComparer.Ordinal).Skip(skip).Take(take).ToList();
        }

        var largestFirst = Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a));
        var smallest = new PriorityQueue<string, string>(largestFirst);
        foreach (var id in ids)
        {
            if (smallest.Count < keep)
            {
                smallest.Enqueue(id, id);
            }
            else if (string.CompareOrdinal(id, smallest.Peek()) < 0)
            {
                smallest.EnqueueDequeue(id, id);
            }
        }

        return smallest.UnorderedItems.Select(i => i.Element).Order(StringComparer.Ordinal).Skip(skip).Take(take).ToList();
    }
}
