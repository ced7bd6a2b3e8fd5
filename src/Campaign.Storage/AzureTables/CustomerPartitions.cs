using System.Globalization;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Customers are spread over a fixed number of partitions by a stable hash of their id, and the partitions over
/// <see cref="Tables"/> tables. A customer's profile row and its contact attempts share the partition, so every change
/// to one customer is one transaction. Small partitions keep Azurite's per-request search short; enough customers of
/// an import batch share a partition to be written together.
/// </summary>
internal static class CustomerPartitions
{
    /// <summary>Fixed for the life of the data: changing it would strand every customer in the wrong partition.</summary>
    public const int Count = 512;

    public const int Tables = 32;

    public static IReadOnlyList<string> All { get; } =
        Enumerable.Range(0, Count).Select(Name).ToList();

    public static string Of(string customerId) => Name((int)(TableKeys.StableHash(customerId) % Count));

    /// <summary>Which of the customer tables holds the partition.</summary>
    public static int TableOf(string partition) => int.Parse(partition.AsSpan(1), CultureInfo.InvariantCulture) % Tables;

    private static string Name(int bucket) => "p" + bucket.ToString("D3", CultureInfo.InvariantCulture);
}
