using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Storage.AzureTables;
using Campaign.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.Tests.Storage;

/// <summary>
/// A first import writes the index of its new customers before their profiles: these check that an import stopped in
/// between, or meeting customers that exist, leaves no customer in the index without a profile.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureFirstImportTests(AzuriteFixture azurite)
{
    private const string Riverside = """{ "area": ["Riverside"] }""";
    private const string Oakwood = """{ "area": ["Oakwood"] }""";
    private readonly AzureTableSet _tables = AzuriteTables.Create(azurite);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_import_stopped_between_index_and_profiles_leaves_no_phantom_customer_once_the_next_directory_repairs()
    {
        var customers = Customers(40);
        var stopped = await StoppingDirectoryAsync();
        await Assert.ThrowsAsync<IOException>(() => stopped.UpsertAsync(customers));

        // As if the transaction of C05 (number 5) had gone through before the silo stopped.
        var sent = new CustomerRecord(customers[5], 5, null, null, null, false, _clock.GetUtcNow(), _clock.GetUtcNow());
        await _tables.Customers.For(sent.Partition).AddEntityAsync(sent.ToEntity([], indexed: true));

        _clock.Advance(PendingImports.AbandonedAfter);
        var next = new AzureCustomerDirectory(_tables, _clock);
        await next.CountAllAsync();
        await next.Repaired;

        // The first customer, written the regular way before the others, and C05 have a profile; no one else.
        Assert.Equal(2, await next.CountAllAsync());
        Assert.Equal(["C00"], await IdsAsync(next, Riverside));
        Assert.Equal(["C05"], await IdsAsync(next, Oakwood));
        Assert.Empty(await new PendingImports(_tables.CustomerNumbers).ListAsync(CancellationToken.None));

        var redone = await next.UpsertAsync(customers);
        Assert.Equal(new UpsertCounts(38, 2), redone);
        Assert.Equal(40, await next.CountAllAsync());
        Assert.Equal(20, await next.CountAsync(Criteria(Oakwood)));
    }

    [Fact]
    public async Task The_marker_of_an_import_that_may_still_be_at_work_is_left_alone_until_it_is_old_enough()
    {
        var stopped = await StoppingDirectoryAsync();
        await Assert.ThrowsAsync<IOException>(() => stopped.UpsertAsync(Customers(10)));
        var index = new PostingTable(_tables.CustomerIndex);
        var numbers = new CustomerNumbers(_tables.CustomerNumbers);
        var repair = new PendingImportRepair(_tables.Customers, _tables.CustomerIndex, index, numbers, new PendingImports(_tables.CustomerNumbers));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((0, (TimeSpan?)(PendingImports.AbandonedAfter - TimeSpan.FromMinutes(1))), await repair.RepairAsync(_clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(9, (await index.ReadAsync(PostingKeys.All, CancellationToken.None)).Count);

        Assert.Equal((9, (TimeSpan?)null), await repair.RepairAsync(_clock.GetUtcNow() + PendingImports.AbandonedAfter, CancellationToken.None));
        Assert.Equal(0, (await index.ReadAsync(PostingKeys.All, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_first_import_meeting_a_customer_that_exists_gives_up_the_numbers_of_its_transaction()
    {
        var directory = new AzureCustomerDirectory(_tables, _clock);
        await directory.UpsertAsync([TestCustomers.Profile("Y", phone: TestCustomers.Phone(99), area: "Hillcrest")]);

        var counts = await directory.UpsertAsync([.. Customers(30), TestCustomers.Profile("Y", phone: TestCustomers.Phone(99), area: "Lakeside")]);

        Assert.Equal(new UpsertCounts(30, 1), counts);
        Assert.Equal(31, await directory.CountAllAsync());
        Assert.Equal(["Y"], await IdsAsync(directory, """{ "area": ["Lakeside"] }"""));
        Assert.Equal(0, await directory.CountAsync(Criteria("""{ "area": ["Hillcrest"] }""")));
        Assert.Equal(15, await directory.CountAsync(Criteria(Riverside)));
        Assert.Equal(15, (await directory.QueryAsync(Criteria(Oakwood), 0, 100)).Items.Count);
        Assert.Empty(await new PendingImports(_tables.CustomerNumbers).ListAsync(CancellationToken.None));
    }

    /// <summary>A directory whose imports stop once the index is written, its own start-up repair done first.</summary>
    private async Task<AzureCustomerDirectory> StoppingDirectoryAsync()
    {
        var directory = new AzureCustomerDirectory(_tables, _clock) { AfterNewCustomersIndexed = _ => throw new IOException("the silo stopped") };
        await directory.CountAllAsync();
        await directory.Repaired;
        return directory;
    }

    private static List<CustomerProfile> Customers(int count) =>
        Enumerable.Range(0, count)
            .Select(i => TestCustomers.Profile($"C{i:D2}", phone: TestCustomers.Phone(i), area: i % 2 == 0 ? "Riverside" : "Oakwood"))
            .ToList();

    private static SegmentCriteria Criteria(string json) => SegmentCriteriaParser.Parse(json);

    private static async Task<string[]> IdsAsync(AzureCustomerDirectory directory, string criteria) =>
        (await directory.QueryAsync(Criteria(criteria), 0, 100)).Items.Select(c => c.Id).ToArray();
}
