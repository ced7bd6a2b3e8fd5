using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Changes one customer optimistically: read the profile row, compute the new state, write the row (at the ETag it was
/// read with), its phone row and any extra rows of the same partition in one transaction, starting over when another
/// writer got there first; then bring the index up to date.
/// </summary>
internal sealed class CustomerWriter(CustomerTables customers, CustomerIndexer indexer)
{
    private const int MaxAttempts = 20;

    /// <summary>
    /// <paramref name="change"/> receives the stored state (null when there is no such customer) and returns the new
    /// state and extra actions, or null to write nothing. Returns false when nothing was written, or when an extra
    /// action found its row already there (409), which makes a repeated report harmless.
    /// </summary>
    public async Task<bool> ChangeAsync(
        string customerId,
        Func<CustomerRecord?, (CustomerRecord Next, IReadOnlyList<TableTransactionAction> Extra)?> change,
        CancellationToken cancellationToken)
    {
        var partition = CustomerPartitions.Of(customerId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await ReadAsync(partition, customerId, cancellationToken);
            if (change(stored is null ? null : CustomerRecord.FromEntity(stored)) is not { } planned)
            {
                return false;
            }

            var actions = new List<TableTransactionAction>(planned.Extra) { planned.Next.WriteAction(stored) };

            Azure.Response<IReadOnlyList<Azure.Response>> written;
            try
            {
                written = await customers.For(partition).SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 409 && stored is not null)
            {
                // The profile row is replaced at an ETag (412 on conflict), so a 409 here can only come from an extra
                // row that is already there.
                return false;
            }
            catch (Azure.RequestFailedException e) when (TableTransactions.IsConflict(e))
            {
                await Task.Delay(Random.Shared.Next(5, 20 + attempt * 10), cancellationToken);
                continue;
            }

            await indexer.IndexAsync([new WrittenCustomer(planned.Next, stored, TableTransactions.ETagOf(written, planned.Extra.Count))], cancellationToken);
            return true;
        }

        throw new InvalidOperationException($"customer '{customerId}' kept changing under {MaxAttempts} attempts to update it");
    }

    public async Task<TableEntity?> ReadAsync(string partition, string customerId, CancellationToken cancellationToken)
    {
        var response = await customers.For(partition).GetEntityIfExistsAsync<TableEntity>(partition, CustomerRowKeys.Profile(customerId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
