using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// The customer tables: one per customer partition (<c>{prefix}customers00</c> … <c>{prefix}customers31</c>), so that
/// no table grows to every customer's rows. The Table service scales by partition either way; a table per partition
/// keeps the Azurite emulator, which searches a whole table for every request, usable at a million customers.
/// </summary>
public sealed class CustomerTables
{
    private readonly List<TableClient> _tables;

    internal CustomerTables(TableServiceClient service, string prefix) =>
        _tables = CustomerPartitions.All.Select(partition => service.GetTableClient(prefix + "customers" + partition[1..])).ToList();

    public IReadOnlyList<TableClient> All => _tables;

    /// <summary>The table of a customer partition (<see cref="CustomerPartitions.Of"/>).</summary>
    internal TableClient For(string partition) => _tables[int.Parse(partition.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)];
}
