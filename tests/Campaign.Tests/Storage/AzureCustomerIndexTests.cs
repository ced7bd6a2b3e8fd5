using Azure.Data.Tables;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Storage.AzureTables;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

/// <summary>
/// The Azure directory's segment index is written after the profile row: these check that it ends up matching the
/// profiles when writers race and when a writer stops half-way.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureCustomerIndexTests(AzuriteFixture azurite)
{
    private static readonly string[] Areas = ["Riverside", "Oakwood", "Hillcrest"];
    private readonly AzureTableSet _tables = AzuriteTables.Create(azurite);

    [Fact]
    public async Task Racing_writers_on_two_silos_leave_the_index_matching_the_last_profile()
    {
        var silos = new[] { new AzureCustomerDirectory(_tables, TimeProvider.System), new AzureCustomerDirectory(_tables, TimeProvider.System) };
        await silos[0].UpsertAsync([TestCustomers.Profile("X", area: "Riverside"), TestCustomers.Profile("Y", area: "Oakwood")]);

        var writes = Enumerable.Range(0, 24).Select(async i =>
        {
            var silo = silos[i % 2];
            if (i % 3 == 2)
            {
                await silo.RecordContactAsync("X", new ContactAttempt("camp", $"call-{i}", DateTimeOffset.UtcNow.AddMinutes(-i), CallResult.Answered, Interest.Neutral, null));
            }
            else
            {
                await silo.UpsertAsync([TestCustomers.Profile("X", area: Areas[i % Areas.Length], tags: i % 2 == 0 ? ["vip"] : [])]);
            }
        });
        await Task.WhenAll(writes);

        var reader = new AzureCustomerDirectory(_tables, TimeProvider.System);
        var last = (await reader.GetAsync("X"))!;
        foreach (var area in Areas)
        {
            var ids = await IdsAsync(reader, $$"""{ "area": ["{{area}}"] }""");
            Assert.Equal(area == last.Area, ids.Contains("X"));
        }

        Assert.Equal(last.Tags.Contains("vip"), (await IdsAsync(reader, """{ "tag": "vip" }""")).Contains("X"));
        Assert.Contains("X", await IdsAsync(reader, """{ "lastInterest": "neutral" }"""));
        Assert.Contains("Y", await IdsAsync(reader, """{ "area": ["Oakwood"] }"""));
        Assert.Equal(2, await reader.CountAllAsync());
    }

    [Fact]
    public async Task A_profile_left_unindexed_by_a_stopped_writer_is_indexed_by_the_next_directory()
    {
        await new AzureCustomerDirectory(_tables, TimeProvider.System).UpsertAsync([TestCustomers.Profile("X", area: "Riverside", tags: ["vip"])]);

        // What a writer leaves when it stops between its profile write and the index update: the new profile, marked
        // unindexed, listing the keys the index may still hold.
        var partition = _tables.Customers.All.Select(table => (table, row: FindProfile(table, "X"))).Single(t => t.row is not null);
        var row = partition.row!;
        row["Area"] = "Lakeside";
        row["Tags"] = "[]";
        row["Indexed"] = false;
        row["IndexKeys"] = "area|riverside\nhas|area\ntag|vip";
        await partition.table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var next = new AzureCustomerDirectory(_tables, TimeProvider.System);
        Assert.Equal(1, await next.CountAllAsync());
        await next.Repaired;

        Assert.Equal(["X"], await IdsAsync(next, """{ "area": ["Lakeside"] }"""));
        Assert.Empty(await IdsAsync(next, """{ "area": ["Riverside"] }"""));
        Assert.Empty(await IdsAsync(next, """{ "tag": "vip" }"""));
    }

    [Fact]
    public async Task A_late_writer_undoes_what_it_added_when_the_profile_moved_on()
    {
        var directory = new AzureCustomerDirectory(_tables, TimeProvider.System);
        await directory.UpsertAsync([TestCustomers.Profile("X", area: "Riverside")]);
        var (table, original) = _tables.Customers.All.Select(t => (t, row: FindProfile(t, "X"))).Single(t => t.row is not null);

        // Writer A moves X to Oakwood and is slow to index; writer B then moves X to Hillcrest and finishes first.
        var stored = CustomerRecord.FromEntity(original!);
        var late = stored with { Profile = stored.Profile with { Area = "Oakwood" } };
        var lateWrite = await table.UpdateEntityAsync(late.ToEntity(["area|riverside"], indexed: false), original!.ETag, TableUpdateMode.Replace);
        await directory.UpsertAsync([TestCustomers.Profile("X", area: "Hillcrest")]);
        var indexer = new CustomerIndexer(_tables.Customers, new PostingTable(_tables.CustomerIndex), new CustomerNumbers(_tables.CustomerNumbers));
        await indexer.IndexAsync([new WrittenCustomer(late, original, lateWrite.Headers.ETag)], CancellationToken.None);

        Assert.Equal(["X"], await IdsAsync(directory, """{ "area": ["Hillcrest"] }"""));
        Assert.Empty(await IdsAsync(directory, """{ "area": ["Oakwood", "Riverside"] }"""));
    }

    private static TableEntity? FindProfile(TableClient table, string id) =>
        table.Query<TableEntity>(TableClient.CreateQueryFilter($"Id eq {id}")).FirstOrDefault();

    private static async Task<string[]> IdsAsync(AzureCustomerDirectory directory, string criteria) =>
        (await directory.QueryAsync(SegmentCriteriaParser.Parse(criteria), 0, 100)).Items.Select(c => c.Id).ToArray();
}
