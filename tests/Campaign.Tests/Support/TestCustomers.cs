using Campaign.Abstractions.Customers;

namespace Campaign.Tests.Support;

public static class TestCustomers
{
    public static CustomerProfile Profile(
        string id,
        string phone = "+12125550100",
        string? area = "Riverside",
        IReadOnlyList<string>? tags = null,
        IReadOnlyDictionary<string, string>? attributes = null,
        params CustomerIssue[] issues) =>
        new(id, $"Customer {id}", phone, area, "1 Main St", "America/New_York", "en-US",
            tags ?? [], attributes ?? new Dictionary<string, string>(), issues, [Consent]);

    /// <summary>The express consent test customers gave long ago, which informational campaigns need.</summary>
    public static ConsentRecord Consent { get; } = new(ConsentKind.Express, null, "test import", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A valid US number that differs per index.</summary>
    public static string Phone(int index) => $"+1212{200 + index / 10000 % 800:D3}{index % 10000:D4}";
}
