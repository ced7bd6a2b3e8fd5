using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Finished calls on Azure Tables: the record in its campaign's partition (see <see cref="CallRow"/>), and a pointer
/// row per call id saying where it is. Saving again replaces the record, moving it when its start time changed.
/// </summary>
public sealed class AzureCallStore(AzureTableSet tables) : ICallStore
{
    private const int MaxAttempts = 20;
    private const int ReadParallelism = 16;

    public async Task SaveAsync(CallRecord record, CancellationToken cancellationToken = default)
    {
        using var span = CampaignTelemetry.StartStoreWrite(record.Id, "azure.tables");
        await tables.ReadyAsync();
        var row = CallRow.Write(record);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var pointer = await tables.CallIds.GetEntityIfExistsAsync<TableEntity>(PointerPartition(record.Id), "", cancellationToken: cancellationToken);
            await tables.Calls.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            var target = new TableEntity(PointerPartition(record.Id), "") { ["CampaignPartition"] = row.PartitionKey, ["CallRow"] = row.RowKey };
            try
            {
                if (pointer.HasValue)
                {
                    await tables.CallIds.UpdateEntityAsync(target, pointer.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await tables.CallIds.AddEntityAsync(target, cancellationToken);
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                continue;
            }

            if (pointer.HasValue && (pointer.Value!.GetString("CampaignPartition") != row.PartitionKey || pointer.Value.GetString("CallRow") != row.RowKey))
            {
                // A record that moved (its start time changed) leaves its old row; deleting a missing row is not an error.
                await tables.Calls.DeleteEntityAsync(pointer.Value.GetString("CampaignPartition"), pointer.Value.GetString("CallRow"), ETag.All, cancellationToken);
            }

            return;
        }

        throw new InvalidOperationException($"call '{record.Id}' kept changing under {MaxAttempts} attempts to save it");
    }

    public async Task<CallRecord?> GetAsync(string callId, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var pointer = await tables.CallIds.GetEntityIfExistsAsync<TableEntity>(PointerPartition(callId), "", cancellationToken: cancellationToken);
        if (!pointer.HasValue)
        {
            return null;
        }

        var row = await tables.Calls.GetEntityIfExistsAsync<TableEntity>(
            pointer.Value!.GetString("CampaignPartition"), pointer.Value.GetString("CallRow"), cancellationToken: cancellationToken);
        return row.HasValue ? CallRow.Read(row.Value!) : null;
    }

    public async Task<bool> ExistsAsync(string callId, CancellationToken cancellationToken = default)
    {
        // The id pointer is written after the record's row, so a pointer means a stored record.
        await tables.ReadyAsync();
        var pointer = await tables.CallIds.GetEntityIfExistsAsync<TableEntity>(PointerPartition(callId), "", select: ["PartitionKey"], cancellationToken: cancellationToken);
        return pointer.HasValue;
    }

    public async Task<IReadOnlyList<string>> WithTranscriptEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"EndedAt lt {cutoff.ToUnixTimeMilliseconds()}");
        await foreach (var row in tables.Calls.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["CallId", "HasTranscript"], cancellationToken))
        {
            // Rows written before the flag existed are read as holding one; redacting them writes the flag.
            if (row.GetBoolean("HasTranscript") != false && row.GetString("CallId") is { } id)
            {
                ids.Add(id);
                if (ids.Count >= limit)
                {
                    break;
                }
            }
        }

        return ids;
    }

    public Task<CallPage> ListAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default) =>
        ListAsync(campaignId, CallFilter.None, skip, take, cancellationToken);

    /// <summary>
    /// Reads the keys of the campaign's partition (result, interest and follow-up filtered by the service, the customer
    /// set here on a small column), then only the rows of the page. The partition is scanned once per request: a campaign
    /// of 100,000 calls reads 100,000 small key rows, never 100,000 records.
    /// </summary>
    public async Task<CallPage> ListAsync(string campaignId, CallFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var partition = CallRow.Partition(campaignId);
        var query = CampaignFilter(campaignId);
        foreach (var (column, value) in new[] { ("Result", filter.Result?.ToString()), ("Interest", filter.Interest?.ToString()), ("FollowUp", filter.FollowUp?.ToString()) })
        {
            if (value is not null)
            {
                query += $" and {column} eq " + TableClient.CreateQueryFilter($"{value}");
            }
        }

        var keys = new List<string>();
        string[] columns = filter.CustomerIds is null ? ["RowKey"] : ["RowKey", "CustomerId"];
        await foreach (var row in tables.Calls.QueryAsync<TableEntity>(query, maxPerPage: 1000, select: columns, cancellationToken))
        {
            if (filter.CustomerIds is { } customers && !customers.Contains(await CustomerOfAsync(row, partition, cancellationToken)))
            {
                continue;
            }

            keys.Add(row.RowKey);
        }

        var page = keys.Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToList();
        var records = new CallRecord?[page.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, page.Count), ReadParallelism, cancellationToken, async (i, token) =>
        {
            var row = await tables.Calls.GetEntityIfExistsAsync<TableEntity>(partition, page[i], cancellationToken: token);
            records[i] = row.HasValue ? CallRow.Read(row.Value!) : null;
        });
        return new CallPage(keys.Count, records.OfType<CallRecord>().ToList());
    }

    /// <summary>The customer of a listed row; rows saved before the column was kept are read whole.</summary>
    private async Task<string> CustomerOfAsync(TableEntity row, string partition, CancellationToken cancellationToken)
    {
        if (row.GetString("CustomerId") is { } customerId)
        {
            return customerId;
        }

        var whole = await tables.Calls.GetEntityIfExistsAsync<TableEntity>(partition, row.RowKey, cancellationToken: cancellationToken);
        return whole.HasValue ? CallRow.Read(whole.Value!).CustomerId : "";
    }

    public async Task<CampaignTally> TallyAsync(string campaignId, IReadOnlySet<string> excluding, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        // The partition reads latest first, so the concern quotes kept are the latest calls'.
        var tally = new CampaignTally();
        await foreach (var row in tables.Calls.QueryAsync<TableEntity>(CampaignFilter(campaignId), maxPerPage: 1000, select: CallRow.StatsColumns, cancellationToken))
        {
            var facts = CallRow.Facts(row);
            if (!excluding.Contains(facts.CallId))
            {
                tally.Add(facts);
            }
        }

        return tally;
    }

    /// <summary>
    /// One scan of the calls table with the start times filtered by the service, reading only the columns insights
    /// need, page by page.
    /// </summary>
    public async IAsyncEnumerable<InsightCall> InsightCallsAsync(
        DateTimeOffset? from, DateTimeOffset? until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var filter = TableClient.CreateQueryFilter($"StartedAt ge {from?.ToUnixTimeMilliseconds() ?? 0L} and StartedAt lt {until?.ToUnixTimeMilliseconds() ?? long.MaxValue}");
        await foreach (var row in tables.Calls.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: CallRow.InsightColumns, cancellationToken))
        {
            if (row.GetInt64("StartedAt") is not null)
            {
                yield return CallRow.Insight(row);
            }
        }
    }

    public async Task<(int Calls, double Minutes)> UsageSinceAsync(string campaignId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CallRow.Partition(campaignId)} and RowKey lt {CallRow.StartedSinceEnd(since)}");
        int calls = 0;
        long talked = 0;
        await foreach (var row in tables.Calls.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["AnsweredAt", "EndedAt"], cancellationToken))
        {
            calls++;
            if (row.GetInt64("AnsweredAt") is { } answered && row.GetInt64("EndedAt") is { } ended)
            {
                talked += ended - answered;
            }
        }

        return (calls, talked / 60_000d);
    }

    private static string PointerPartition(string callId) => TableKeys.Escape(callId);

    private static string CampaignFilter(string campaignId) => TableClient.CreateQueryFilter($"PartitionKey eq {CallRow.Partition(campaignId)}");
}
