using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Reads customer ids from index rows: one key range, read in every customer partition at once, keys only.
/// </summary>
internal sealed class CustomerIndexReader(TableClient customers)
{
    private static readonly string[] KeysOnly = ["RowKey"];

    public Task<HashSet<string>> PrefixAsync(string prefix, CancellationToken cancellationToken, Func<string, bool>? keep = null) =>
        RangeAsync(prefix, TableKeys.PrefixEnd(prefix), cancellationToken, keep);

    /// <summary>Ids of the rows with keys in [from, to) that <paramref name="keep"/> accepts (all when null).</summary>
    public async Task<HashSet<string>> RangeAsync(string from, string to, CancellationToken cancellationToken, Func<string, bool>? keep = null)
    {
        var parts = await Task.WhenAll(CustomerPartitions.All.Select(async partition =>
        {
            var ids = new List<string>();
            var query = customers.QueryAsync<TableEntity>(TableKeys.RangeFilter(partition, from, to), maxPerPage: 1000, select: KeysOnly, cancellationToken);
            await foreach (var row in query)
            {
                if (keep is null || keep(row.RowKey))
                {
                    ids.Add(TableKeys.LastPart(row.RowKey));
                }
            }

            return ids;
        }));
        var all = new HashSet<string>(parts.Sum(p => p.Count), StringComparer.Ordinal);
        foreach (var part in parts)
        {
            all.UnionWith(part);
        }

        return all;
    }

    /// <summary>Every customer id.</summary>
    public Task<HashSet<string>> AllAsync(CancellationToken cancellationToken) => PrefixAsync(CustomerRowKeys.ProfilePrefix, cancellationToken);

    /// <summary>Customers whose number is on the do-not-call list.</summary>
    public Task<HashSet<string>> DoNotCallAsync(CancellationToken cancellationToken) => PrefixAsync(CustomerRowKeys.DoNotCallPrefix, cancellationToken);
}
