using Azure;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>Entity-group transactions (one partition, at most 100 operations each) and the failures they report.</summary>
internal static class TableTransactions
{
    public const int MaxOperations = 100;

    /// <summary>Submits the operations, all of one partition, as one transaction; false when a condition failed (409, 412, 404).</summary>
    public static async Task<bool> TrySubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 0)
        {
            return true;
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (IsConflict(e))
        {
            return false;
        }
    }

    /// <summary>Like <see cref="TrySubmitAsync"/>, with the response of each operation; null when a condition failed.</summary>
    public static async Task<Response<IReadOnlyList<Response>>?> TrySubmitForResponsesAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            return await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (RequestFailedException e) when (IsConflict(e))
        {
            return null;
        }
    }

    /// <summary>The ETag the transaction gave the entity of operation <paramref name="index"/>, when the service said.</summary>
    public static ETag? ETagOf(Response<IReadOnlyList<Response>> responses, int index) =>
        index < responses.Value.Count && responses.Value[index].Headers.ETag is { } etag ? etag : null;

    /// <summary>The entity existed (409), changed since it was read (412) or is gone (404).</summary>
    public static bool IsConflict(RequestFailedException e) => e.Status is 409 or 412 or 404;

    /// <summary>Runs <paramref name="work"/> for each item with at most <paramref name="parallelism"/> at once.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, CancellationToken cancellationToken, Func<T, CancellationToken, ValueTask> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, work);
}
