using System.Globalization;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Customers are spread over a fixed number of partitions by a stable hash of their id. A customer's profile row, its
/// contact attempts and its index rows share the partition, so every change to one customer is one transaction, and
/// a segment query reads the same index range in every partition at once.
/// </summary>
internal static class CustomerPartitions
{
    /// <summary>Fixed for the life of the data: changing it would strand every customer in the wrong partition.</summary>
    public const int Count = 32;

    public static IReadOnlyList<string> All { get; } =
        Enumerable.Range(0, Count).Select(Name).ToList();

    public static string Of(string customerId) => Name((int)(TableKeys.StableHash(customerId) % Count));

    private static string Name(int bucket) => "b" + bucket.ToString("D2", CultureInfo.InvariantCulture);
}
