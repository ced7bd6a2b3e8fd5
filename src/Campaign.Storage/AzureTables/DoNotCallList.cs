using Azure.Data.Tables;
using Campaign.Abstractions.Customers;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// The do-not-call table: partition <c>list</c> holds one row per number (key: the number), partition <c>log</c> every
/// change, newest written first (key: the write time counted backwards). Adding is an insert that fails when the number
/// is there, so the first entry is kept.
/// </summary>
internal sealed class DoNotCallList(TableClient table)
{
    private const string ListPartition = "list";
    private const string LogPartition = "log";

    public async Task<HashSet<string>> PhonesAsync(CancellationToken cancellationToken)
    {
        var phones = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ListPartition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken))
        {
            phones.Add(TableKeys.Unescape(row.RowKey));
        }

        return phones;
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ListPartition}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken))
        {
            return false;
        }

        return true;
    }

    public async Task<bool> ContainsAsync(string phone, CancellationToken cancellationToken) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(ListPartition, TableKeys.Escape(phone), ["RowKey"], cancellationToken)).HasValue;

    public async Task<bool> TryAddAsync(DoNotCallEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(ListPartition, TableKeys.Escape(entry.Phone))
            {
                ["Phone"] = entry.Phone,
                ["Reason"] = entry.Reason,
                ["Source"] = entry.Source,
                ["At"] = entry.At.ToUnixTimeSeconds(),
            }, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }

        await LogAsync("added", entry, cancellationToken);
        return true;
    }

    public async Task<bool> TryRemoveAsync(string phone, string source, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Deleting a missing entity answers 404 without throwing.
        var response = await table.DeleteEntityAsync(ListPartition, TableKeys.Escape(phone), Azure.ETag.All, cancellationToken);
        if (response.Status == 404)
        {
            return false;
        }

        await LogAsync("removed", new DoNotCallEntry(phone, reason, source, at), cancellationToken);
        return true;
    }

    public async Task<List<DoNotCallEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<DoNotCallEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ListPartition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            entries.Add(new DoNotCallEntry(row.GetString("Phone"), row.GetString("Reason"), row.GetString("Source"),
                DateTimeOffset.FromUnixTimeSeconds(row.GetInt64("At") ?? 0)));
        }

        return entries;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ListPartition}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async Task<List<DoNotCallChange>> ChangesAsync(string? phone, int skip, int take, CancellationToken cancellationToken)
    {
        var changes = new List<DoNotCallChange>();
        if (take <= 0)
        {
            return changes;
        }

        var filter = phone is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {LogPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {LogPartition} and Phone eq {phone}");
        var seen = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (seen++ < skip)
            {
                continue;
            }

            changes.Add(new DoNotCallChange(row.GetString("Phone"), row.GetString("Action") == "removed" ? DoNotCallAction.Removed : DoNotCallAction.Added,
                row.GetString("Reason"), row.GetString("Source"), DateTimeOffset.FromUnixTimeSeconds(row.GetInt64("At") ?? 0)));
            if (changes.Count == take)
            {
                break;
            }
        }

        return changes;
    }

    private Task LogAsync(string action, DoNotCallEntry entry, CancellationToken cancellationToken) =>
        table.AddEntityAsync(new TableEntity(LogPartition, TableKeys.Join(TableKeys.Number(long.MaxValue - DateTimeOffset.UtcNow.UtcTicks), Guid.NewGuid().ToString("N")))
        {
            ["Phone"] = entry.Phone,
            ["Action"] = action,
            ["Reason"] = entry.Reason,
            ["Source"] = entry.Source,
            ["At"] = entry.At.ToUnixTimeSeconds(),
        }, cancellationToken);
}
