using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

[Collection(SqliteClusterCollection.Name)]
public class CustomerGrainTests(SqliteClusterFixture fixture)
{
    private readonly SqliteCustomerDirectory _directory = new(new SqliteDatabase(fixture.DatabasePath), TimeProvider.System);

    [Fact]
    public async Task An_unknown_customer_reads_as_null()
    {
        Assert.Null(await fixture.Grains.GetGrain<ICustomerGrain>("nobody-" + Guid.NewGuid()).GetAsync());
    }

    [Fact]
    public async Task The_grain_shows_the_imported_profile_and_records_each_call_once()
    {
        var id = "G-" + Guid.NewGuid().ToString("N")[..8];
        await _directory.UpsertAsync([TestCustomers.Profile(id, TestCustomers.Phone(7001), issues: new CustomerIssue("water", DateTimeOffset.UtcNow, "leak"))]);
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(id);
        var attempt = new ContactAttempt("camp-1", $"{id}-call-1", DateTimeOffset.UtcNow, CallResult.Answered, Interest.Interested, FollowUpKind.Callback);

        await grain.RecordContactAsync(attempt);
        await grain.RecordContactAsync(attempt);

        var view = await grain.GetAsync();
        Assert.Equal("water", view!.Profile.Issues.Single().Category);
        Assert.False(view.DoNotCall);
        var recorded = Assert.Single(view.ContactHistory);
        Assert.Equal((CallResult.Answered, Interest.Interested, FollowUpKind.Callback), (recorded.Result, recorded.Interest, recorded.FollowUp));
    }

    [Fact]
    public async Task Opting_out_puts_the_number_on_the_do_not_call_list_and_out_of_every_audience()
    {
        var id = "G-" + Guid.NewGuid().ToString("N")[..8];
        var phone = TestCustomers.Phone(7002);
        await _directory.UpsertAsync([TestCustomers.Profile(id, phone, area: "OptOutville")]);
        Assert.Equal(1, await _directory.CountAsync(new AreaCriteria(["OptOutville"])));

        await fixture.Grains.GetGrain<ICustomerGrain>(id).OptOutAsync("asked not to be called", "call");

        Assert.True((await fixture.Grains.GetGrain<ICustomerGrain>(id).GetAsync())!.DoNotCall);
        Assert.Equal(0, await _directory.CountAsync(new AreaCriteria(["OptOutville"])));
        var entry = (await _directory.ListDoNotCallAsync(0, 100)).Single(e => e.Phone == phone);
        Assert.Equal(("asked not to be called", "call"), (entry.Reason, entry.Source));
    }

    [Fact]
    public async Task Recording_a_call_for_an_unknown_customer_fails_loudly()
    {
        var grain = fixture.Grains.GetGrain<ICustomerGrain>("ghost-" + Guid.NewGuid());
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            grain.RecordContactAsync(new ContactAttempt("c", "x-" + Guid.NewGuid(), DateTimeOffset.UtcNow, CallResult.Busy, null, null)));
    }
}
