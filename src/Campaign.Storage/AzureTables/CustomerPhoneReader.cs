using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>Finds customers by phone number: one key range read in every customer partition at once, keys only.</summary>
internal sealed class CustomerPhoneReader(CustomerTables customers)
{
    private static readonly string[] KeysOnly = ["RowKey"];

    public async Task<HashSet<string>> IdsAsync(string phone, CancellationToken cancellationToken)
    {
        var prefix = CustomerRowKeys.Phone(phone);
        var parts = await Task.WhenAll(CustomerPartitions.All.Select(async partition =>
        {
            var ids = new List<string>();
            var query = customers.For(partition).QueryAsync<TableEntity>(TableKeys.PrefixFilter(partition, prefix), maxPerPage: 1000, select: KeysOnly, cancellationToken);
            await foreach (var row in query)
            {
                ids.Add(TableKeys.LastPart(row.RowKey));
            }

            return ids;
        }));
        return parts.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
    }
}
