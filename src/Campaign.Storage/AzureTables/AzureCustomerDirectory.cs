using Azure.Data.Tables;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// The customer directory on Azure Tables. Each customer lives in one of <see cref="CustomerPartitions.Count"/>
/// partitions with its contact attempts and phone row, and every change to a customer is one transaction on the
/// profile row's ETag, so several silos can write at once. Every customer also has a number, and segment queries are
/// answered from an index of number blocks per criterion value (<see cref="PostingTable"/>), never from profiles.
/// See docs/storage-azure.md.
/// </summary>
public sealed class AzureCustomerDirectory : ICustomerDirectory
{
    private const int ReadParallelism = 16;
    private readonly AzureTableSet _tables;
    private readonly TimeProvider _clock;
    private readonly PostingTable _index;
    private readonly CustomerNumbers _numbers;
    private readonly CustomerIndexer _indexer;
    private readonly CustomerWriter _writer;
    private readonly DoNotCallList _doNotCall;
    private readonly PendingImports _pendingImports;
    private readonly PendingImportRepair _pendingImportRepair;
    private readonly ILogger _logger;
    private readonly Lock _repairLock = new();
    private Task? _repair;

    public AzureCustomerDirectory(AzureTableSet tables, TimeProvider clock, ILogger<AzureCustomerDirectory>? logger = null)
    {
        _tables = tables;
        _clock = clock;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _index = new PostingTable(tables.CustomerIndex);
        _numbers = new CustomerNumbers(tables.CustomerNumbers);
        _indexer = new CustomerIndexer(tables.Customers, _index, _numbers);
        _writer = new CustomerWriter(tables.Customers, _indexer);
        _doNotCall = new DoNotCallList(tables.DoNotCall);
        _pendingImports = new PendingImports(tables.CustomerNumbers);
        _pendingImportRepair = new PendingImportRepair(tables.Customers, tables.CustomerIndex, _index, _numbers, _pendingImports);
    }

    /// <summary>Runs when a batch of new customers is in the index but their profiles are not yet written (tests stop there).</summary>
    internal Func<CancellationToken, Task>? AfterNewCustomersIndexed { get; init; }

    /// <summary>
    /// Imports arrive 25,000 customers at a time, about 50 for each of the 512 partitions, so that a partition's
    /// customers of the batch are written in one transaction.
    /// </summary>
    public int ImportBatchSize => 25_000;

    public async Task<UpsertCounts> UpsertAsync(IReadOnlyList<CustomerProfile> customers, CancellationToken cancellationToken = default)
    {
        if (customers.Count == 0)
        {
            return new UpsertCounts(0, 0);
        }

        await ReadyAsync();
        var listed = await _doNotCall.PhonesAsync(cancellationToken);
        var newCustomers = new NewCustomerImport(_tables.Customers, _index, _numbers, _pendingImports, _clock, AfterNewCustomersIndexed);
        return await new CustomerBatchUpsert(_tables.Customers, _numbers, _writer, _indexer, newCustomers, listed, _clock.GetUtcNow())
            .RunAsync(customers, cancellationToken);
    }

    public async Task<CustomerProfile?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await ReadAsync(id, cancellationToken))?.Profile;

    public async Task<bool> EraseAsync(string id, CancellationToken cancellationToken = default)
    {
        await ReadyAsync();
        var partition = CustomerPartitions.Of(id);
        if (await _writer.ReadAsync(partition, id, cancellationToken) is not { } stored)
        {
            return false;
        }

        // The index first, then the number's entry, the rows last: stopped half-way, the profile is still there and
        // erasing again finishes the job.
        var record = CustomerRecord.FromEntity(stored);
        await _indexer.RemoveAsync(stored, cancellationToken);
        await _numbers.RemoveAsync(record.Number, cancellationToken);
        var table = _tables.Customers.For(partition);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableKeys.PrefixFilter(partition, CustomerRowKeys.AttemptPrefix(id)), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var chunk in rows.Chunk(99))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)), cancellationToken);
        }

        await table.DeleteEntityAsync(partition, CustomerRowKeys.Profile(id), Azure.ETag.All, cancellationToken);
        return true;
    }

    public async Task<bool> SetConsentAsync(string id, IReadOnlyList<ConsentRecord> consent, CancellationToken cancellationToken = default)
    {
        await ReadyAsync();
        return await _writer.ChangeAsync(id, stored => stored is null
            ? null
            : (stored with { Profile = stored.Profile with { Consent = consent }, UpdatedAt = _clock.GetUtcNow() }, []),
            cancellationToken);
    }

    public async Task<IReadOnlyList<ContactAttempt>> GetContactHistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        var history = new List<ContactAttempt>();
        var filter = TableKeys.PrefixFilter(CustomerPartitions.Of(id), CustomerRowKeys.AttemptPrefix(id));
        await foreach (var row in _tables.Customers.For(CustomerPartitions.Of(id)).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            history.Add(ContactAttemptRow.Read(row));
        }

        return history.OrderBy(a => a.At).ThenBy(a => a.CallId, StringComparer.Ordinal).ToList();
    }

    public async Task<int> CountAttemptsSinceAsync(string id, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        (await GetContactHistoryAsync(id, cancellationToken)).Count(a => a.At.ToUnixTimeSeconds() >= since.ToUnixTimeSeconds());

    public async Task<bool> RecordContactAsync(string customerId, ContactAttempt attempt, CancellationToken cancellationToken = default)
    {
        await ReadyAsync();
        return await _writer.ChangeAsync(customerId, stored => stored is null
            ? null
            : (ContactAttemptRow.Apply(stored, attempt), [new TableTransactionAction(TableTransactionActionType.Add, ContactAttemptRow.Write(customerId, attempt))]),
            cancellationToken);
    }

    public async Task<CustomerPage> QueryAsync(SegmentCriteria criteria, int skip, int take, bool includeDoNotCall = false, CancellationToken cancellationToken = default)
    {
        var matched = await MatchAsync(criteria, _clock.GetUtcNow(), excludeDoNotCall: !includeDoNotCall, cancellationToken);
        var page = take <= 0 ? [] : matched.Ascending().Skip(Math.Max(0, skip)).Take(take).ToList();
        var ids = await _numbers.IdsAsync(page, cancellationToken);
        var rows = new CustomerRecord?[ids.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, ids.Count), ReadParallelism, cancellationToken,
            async (i, token) => rows[i] = await ReadAsync(ids[i], token));
        return new CustomerPage(matched.Count, rows.OfType<CustomerRecord>().Select(r => r.ToSummary()).ToList());
    }

    /// <summary>A scan of every profile row (id, name and phone only): fine for an operator's search, not for a hot path.</summary>
    public async Task<CustomerPage> SearchAsync(CustomerSearch search, int skip, int take, CancellationToken cancellationToken = default)
    {
        await ReadyAsync();
        var filter = TableKeys.PrefixFilter(CustomerRowKeys.ProfilePrefix);
        var found = new List<string>();
        foreach (var table in _tables.Customers.All)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Id", "Name", "Phone"], cancellationToken: cancellationToken))
            {
                if (search.Matches(row.GetString("Id") ?? "", row.GetString("Name") ?? "", row.GetString("Phone") ?? ""))
                {
                    found.Add(row.GetString("Id")!);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        var page = take <= 0 ? [] : found.Skip(Math.Max(0, skip)).Take(take).ToList();
        var rows = new CustomerRecord?[page.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, page.Count), ReadParallelism, cancellationToken,
            async (i, token) => rows[i] = await ReadAsync(page[i], token));
        return new CustomerPage(found.Count, rows.OfType<CustomerRecord>().Select(r => r.ToSummary()).ToList());
    }

    public async Task<int> CountAsync(SegmentCriteria criteria, CancellationToken cancellationToken = default) =>
        (await MatchAsync(criteria, _clock.GetUtcNow(), excludeDoNotCall: true, cancellationToken)).Count;

    public async Task<int> CountMissingAsync(SegmentCriteria criteria, CustomerData data, string? attributeName = null, CancellationToken cancellationToken = default)
    {
        var matched = await MatchAsync(criteria, _clock.GetUtcNow(), excludeDoNotCall: true, cancellationToken);
        var having = data switch
        {
            CustomerData.Area => PostingKeys.HasArea,
            CustomerData.Address => PostingKeys.HasAddress,
            CustomerData.Issue => PostingKeys.HasIssue,
            _ => PostingKeys.HasAttribute(attributeName ?? ""),
        };
        matched.ExceptWith(await _index.ReadAsync(having, cancellationToken));
        return matched.Count;
    }

    public async Task<int> CountAllAsync(CancellationToken cancellationToken = default)
    {
        await ReadyAsync();
        return (await _index.ReadAsync(PostingKeys.All, cancellationToken)).Count;
    }

    public async Task<bool> IsDoNotCallAsync(string phone, CancellationToken cancellationToken = default)
    {
        await _tables.ReadyAsync();
        return await _doNotCall.ContainsAsync(phone, cancellationToken);
    }

    public async Task<int> AddDoNotCallAsync(IReadOnlyList<DoNotCallEntry> entries, CancellationToken cancellationToken = default)
    {
        await ReadyAsync();
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (await _doNotCall.TryAddAsync(entry, cancellationToken))
            {
                added.Add(entry.Phone);
            }
        }

        await MarkCustomersAsync(added, onList: true, cancellationToken);
        return added.Count;
    }

    public async Task<bool> RemoveDoNotCallAsync(string phone, string source, string? reason = null, CancellationToken cancellationToken = default)
    {
        await ReadyAsync();
        if (!await _doNotCall.TryRemoveAsync(phone, source, reason, _clock.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await MarkCustomersAsync(new HashSet<string>(StringComparer.Ordinal) { phone }, onList: false, cancellationToken);
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

    /// <summary>Numbers of the customers matching the criteria, those on the do-not-call list left out when asked.</summary>
    internal async Task<NumberSet> MatchAsync(SegmentCriteria criteria, DateTimeOffset now, bool excludeDoNotCall, CancellationToken cancellationToken)
    {
        await ReadyAsync();
        var doNotCall = excludeDoNotCall ? DoNotCallCustomersAsync(cancellationToken) : Task.FromResult(new NumberSet());
        var matched = await new CriteriaSetEvaluator(_index, now).EvaluateAsync(criteria, cancellationToken);
        var numbers = await matched.ResolveAsync(() => _index.ReadAsync(PostingKeys.All, cancellationToken));
        numbers.ExceptWith(await doNotCall);
        return numbers;
    }

    /// <summary>The ids and phones of the given customer numbers.</summary>
    internal Task<Dictionary<long, (string Id, string? Phone)>> IdsAsync(NumberSet numbers, CancellationToken cancellationToken) =>
        _numbers.AllIdsAsync(numbers, cancellationToken);

    /// <summary>Every customer's time zone, area and <c>state</c> attribute (both lower-cased), read from the index.</summary>
    internal async Task<CustomerZoneInputs> ZoneInputsAsync(CancellationToken cancellationToken)
    {
        var zones = _index.ReadPrefixAsync(PostingKeys.TimeZonePrefix, cancellationToken);
        var areas = _index.ReadPrefixAsync(PostingKeys.AreaPrefix, cancellationToken);
        var states = _index.ReadPrefixAsync(PostingKeys.AttributeValuesPrefix("state"), cancellationToken);
        return new CustomerZoneInputs(await zones, await areas, await states);
    }

    /// <summary>The customers marked do-not-call; none to read while the list itself is empty.</summary>
    private async Task<NumberSet> DoNotCallCustomersAsync(CancellationToken cancellationToken) =>
        await _doNotCall.IsEmptyAsync(cancellationToken) ? new NumberSet() : await _index.ReadAsync(PostingKeys.DoNotCall, cancellationToken);

    /// <summary>
    /// The repair of customers a stopped writer left unindexed and of imports stopped half-way, started in the
    /// background on first use (it reads every profile table, which takes a while at a million customers); done when
    /// it completes, which waits for the markers of imports that may still be at work to be old enough to repair.
    /// </summary>
    internal Task Repaired
    {
        get
        {
            lock (_repairLock)
            {
                return _repair ??= RepairAsync();
            }
        }
    }

    /// <summary>The tables exist; the first call also starts the repair.</summary>
    private async Task ReadyAsync()
    {
        await _tables.ReadyAsync();
        _ = Repaired;
    }

    private async Task RepairAsync()
    {
        await Task.Yield();
        try
        {
            await _tables.ReadyAsync();
            var repaired = await _indexer.RepairAsync(CancellationToken.None);
            if (repaired > 0)
            {
                _logger.LogInformation("Indexed {Count} customers found not yet in the segment index (their writer stopped or was still at work)", repaired);
            }

            while (true)
            {
                var (removed, next) = await _pendingImportRepair.RepairAsync(_clock.GetUtcNow(), CancellationToken.None);
                if (removed > 0)
                {
                    _logger.LogInformation("Removed {Count} customers from the segment index whose import stopped before writing them", removed);
                }

                if (next is not { } wait)
                {
                    break;
                }

                await Task.Delay(wait, _clock);
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidOperationException)
        {
            _logger.LogWarning(e, "Repairing the segment index failed; it is tried again on the next use of the directory");
            lock (_repairLock)
            {
                _repair = null;
            }
        }
    }

    private async Task<CustomerRecord?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await ReadyAsync();
        var row = await _writer.ReadAsync(CustomerPartitions.Of(id), id, cancellationToken);
        return row is null ? null : CustomerRecord.FromEntity(row);
    }

    private async Task MarkCustomersAsync(IReadOnlySet<string> phones, bool onList, CancellationToken cancellationToken)
    {
        if (phones.Count == 0)
        {
            return;
        }

        foreach (var id in await _numbers.IdsWithPhonesAsync(phones, cancellationToken))
        {
            await _writer.ChangeAsync(id, stored => stored is null || !phones.Contains(stored.Profile.Phone) || stored.DoNotCall == onList
                ? null
                : (stored with { DoNotCall = onList }, []), cancellationToken);
        }
    }
}
