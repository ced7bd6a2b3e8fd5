using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// The customer tables, <c>{prefix}customers00</c> … <c>{prefix}customers31</c>, each holding every 32nd customer
/// partition. The Table service scales by partition whatever the table; spreading the partitions keeps the Azurite
/// emulator, which searches a whole table for every query, usable at a million customers.
/// </summary>
public sealed class CustomerTables
{
    private readonly List<TableClient> _tables;

    internal CustomerTables(TableServiceClient service, string prefix) =>
        _tables = Enumerable.Range(0, CustomerPartitions.Tables)
            .Select(i => service.GetTableClient(prefix + "customers" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public IReadOnlyList<TableClient> All => _tables;

    /// <summary>The table of a customer partition (<see cref="CustomerPartitions.Of"/>).</summary>
    internal TableClient For(string partition) => _tables[CustomerPartitions.TableOf(partition)];
}
