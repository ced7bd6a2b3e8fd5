using System.Globalization;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Markers of first imports under way, in the number table (partition <see cref="Partition"/>): one row per batch of
/// new customers whose index entries are written before their profiles (<see cref="NewCustomerImport"/>), naming the
/// block of numbers it uses. A marker left behind means the import stopped between the two, and the numbers of the
/// block without a profile may be in the index (<see cref="PendingImportRepair"/>).
/// </summary>
internal sealed class PendingImports(TableClient table)
{
    public const string Partition = "pending";

    /// <summary>How long after its marker an import may still insert profiles; later ones go the regular way.</summary>
    public static readonly TimeSpan InsertWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A marker this old belongs to an import that stopped: its window closed long enough ago for a transaction
    /// already sent (with the client's retries) to have ended, and for clocks of different silos to disagree a little.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(15);

    /// <summary>Writes the marker of an import of the numbers from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public async Task<PendingImport> StartAsync(long first, long last, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = new PendingImport(first, last, now);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, RowKey(first)) { ["First"] = first, ["Last"] = last, ["StartedAt"] = now },
            TableUpdateMode.Replace, cancellationToken);
        return marker;
    }

    public async Task FinishAsync(PendingImport marker, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, RowKey(marker.First), Azure.ETag.All, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Another silo's repair finished it first.
        }
    }

    public async Task<List<PendingImport>> ListAsync(CancellationToken cancellationToken)
    {
        var markers = new List<PendingImport>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            markers.Add(new PendingImport(row.GetInt64("First") ?? 0, row.GetInt64("Last") ?? 0, row.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.UnixEpoch));
        }

        return markers;
    }

    private static string RowKey(long first) => first.ToString("D12", CultureInfo.InvariantCulture);
}

/// <summary>An import of new customers numbered <see cref="First"/> to <see cref="Last"/> (inclusive), started at <see cref="StartedAt"/>.</summary>
internal sealed record PendingImport(long First, long Last, DateTimeOffset StartedAt)
{
    public bool MayInsertAt(DateTimeOffset now) => now - StartedAt < PendingImports.InsertWindow;

    public bool IsAbandonedAt(DateTimeOffset now) => now - StartedAt >= PendingImports.AbandonedAfter;
}
