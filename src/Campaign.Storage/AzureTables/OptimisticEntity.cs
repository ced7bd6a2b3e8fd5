using Azure;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Changes one entity optimistically: read it, plan its next state, write it (insert, or replace or delete at the ETag
/// read), and start over when another writer got there first.
/// </summary>
internal static class OptimisticEntity
{
    private const int MaxAttempts = 50;

    /// <summary>
    /// <paramref name="plan"/> receives the stored entity (null when absent) and says what to write. When the entity is
    /// <paramref name="likelyAbsent"/>, it is first inserted without reading, and read only if it turns out to exist.
    /// </summary>
    public static async Task ChangeAsync(
        TableClient table, string partitionKey, string rowKey, Func<TableEntity?, EntityWrite> plan, string what, CancellationToken cancellationToken,
        bool likelyAbsent = false)
    {
        if (likelyAbsent && plan(null).Entity is { } first)
        {
            try
            {
                await table.AddEntityAsync(first, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            var stored = response.HasValue ? response.Value : null;
            var write = plan(stored);
            try
            {
                if (write.Delete && stored is not null)
                {
                    await table.DeleteEntityAsync(partitionKey, rowKey, stored.ETag, cancellationToken);
                }
                else if (write.Entity is { } next && stored is null)
                {
                    await table.AddEntityAsync(next, cancellationToken);
                }
                else if (write.Entity is { } replacement)
                {
                    await table.UpdateEntityAsync(replacement, stored!.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (TableTransactions.IsConflict(e))
            {
                await Task.Delay(Random.Shared.Next(2, 10 + attempt * 5), cancellationToken);
            }
        }

        throw new InvalidOperationException($"{what} kept changing under {MaxAttempts} attempts to update it");
    }
}

/// <summary>What to do with one entity: nothing (the default), write <see cref="Entity"/>, or delete it.</summary>
internal readonly record struct EntityWrite(TableEntity? Entity, bool Delete = false)
{
    public static EntityWrite Nothing => default;

    public static EntityWrite Remove => new(null, Delete: true);
}
