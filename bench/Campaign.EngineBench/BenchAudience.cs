using System.Globalization;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.EngineBench;

/// <summary>The customers a run calls and the campaign that calls them once each.</summary>
public static class BenchAudience
{
    private const int Batch = 2_000;

    /// <summary>An informational call with an artificial voice needs the person's express consent.</summary>
    private static readonly ConsentRecord Consent = new(ConsentKind.Express, null, "engine bench", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Adds <paramref name="count"/> consenting customers in <paramref name="area"/> through the directory, in batches of 2,000.</summary>
    public static async Task SeedAsync(ICustomerDirectory directory, string area, string timeZone, int count)
    {
        var reported = DateTimeOffset.UtcNow.AddDays(-3);
        for (var start = 0; start < count; start += Batch)
        {
            var profiles = Enumerable.Range(start, Math.Min(Batch, count - start))
                .Select(i => new CustomerProfile(
                    $"{area}-{i:D6}",
                    $"Customer {i.ToString(CultureInfo.InvariantCulture)}",
                    Phone(i),
                    area,
                    "1 Main St",
                    timeZone,
                    "en-US",
                    [],
                    new Dictionary<string, string>(),
                    [new CustomerIssue("electricity", reported, "power cuts at night")],
                    [Consent]))
                .ToList();
            await directory.UpsertAsync(profiles);
        }
    }

    /// <summary>
    /// A time zone where it is early afternoon now, so that the legal calling hours (08:00 to 21:00 in the customer's
    /// local time) stay open for the whole run, whenever it is run.
    /// </summary>
    public static string DaytimeZone()
    {
        var now = DateTimeOffset.UtcNow;
        var afternoon = TimeSpan.FromHours(13);
        return TimeZoneInfo.GetSystemTimeZones()
            .OrderBy(zone => Math.Abs((TimeZoneInfo.ConvertTime(now, zone).TimeOfDay - afternoon).Ticks))
            .ThenBy(zone => zone.Id, StringComparer.Ordinal)
            .First().Id;
    }

    /// <summary>One attempt per customer (no retries), no script: the greeting agent.</summary>
    public static CampaignDefinition Definition(string area, int quota) =>
        new($"Engine bench {area}", null, $$"""{ "area": ["{{area}}"] }""", null, [], quota, "+15550000000",
            new RetryPolicy(1, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)),
            VoicemailPolicy.Default);

    /// <summary>A valid, distinct US number per index (up to 8,000,000).</summary>
    public static string Phone(int index) => $"+1212{200 + (index / 10_000 % 800):D3}{index % 10_000:D4}";
}
