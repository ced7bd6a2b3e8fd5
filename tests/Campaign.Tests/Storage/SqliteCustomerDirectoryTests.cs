using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

public class SqliteCustomerDirectoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _file = new();
    private readonly SqliteCustomerDirectory _directory;

    public SqliteCustomerDirectoryTests()
    {
        _directory = new SqliteCustomerDirectory(_file.Open(), new FixedClock(Now));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static CustomerIssue Issue(string category, int daysAgo) => new(category, Now.AddDays(-daysAgo), null);

    private async Task SeedAsync()
    {
        await _directory.UpsertAsync(
        [
            TestCustomers.Profile("A", TestCustomers.Phone(1), "Riverside", ["vip"], new Dictionary<string, string> { ["plan"] = "basic" }, Issue("electricity", 10)),
            TestCustomers.Profile("B", TestCustomers.Phone(2), "Riverside", [], null, Issue("electricity", 200), Issue("water", 5)),
            TestCustomers.Profile("C", TestCustomers.Phone(3), "Oakwood", ["VIP"], new Dictionary<string, string> { ["plan"] = "premium" }, Issue("billing", 1)),
            TestCustomers.Profile("D", TestCustomers.Phone(4), "Hillcrest"),
        ]);
    }

    private async Task<string[]> IdsAsync(string criteriaJson)
    {
        var page = await _directory.QueryAsync(SegmentCriteriaParser.Parse(criteriaJson), 0, 100);
        Assert.Equal(page.Items.Count, await _directory.CountAsync(SegmentCriteriaParser.Parse(criteriaJson)));
        return page.Items.Select(c => c.Id).ToArray();
    }

    [Fact]
    public async Task Reimporting_updates_instead_of_duplicating_and_keeps_history()
    {
        await SeedAsync();
        await _directory.RecordContactAsync("A", new ContactAttempt("camp", "call-1", Now.AddDays(-1), CallResult.Answered, Interest.Interested, FollowUpKind.MoreInfo));

        var counts = await _directory.UpsertAsync([TestCustomers.Profile("A", TestCustomers.Phone(1), "Oakwood"), TestCustomers.Profile("E", TestCustomers.Phone(5))]);

        Assert.Equal((1, 1), (counts.Inserted, counts.Updated));
        Assert.Equal(5, await _directory.CountAllAsync());
        var a = await _directory.GetAsync("A");
        Assert.Equal("Oakwood", a!.Area);
        Assert.Empty(a.Issues);
        Assert.Single(await _directory.GetContactHistoryAsync("A"));
        Assert.Equal(["A", "C"], await IdsAsync("""{ "area": "oakwood" }"""));
        Assert.DoesNotContain("A", await IdsAsync("""{ "issueCategory": "electricity" }"""));
    }

    [Theory]
    [InlineData("""{ "issueCategory": "electricity" }""", "A,B")]
    [InlineData("""{ "issueCategory": "Electricity", "withinDays": 30 }""", "A")]
    [InlineData("""{ "area": ["Riverside", "Hillcrest"] }""", "A,B,D")]
    [InlineData("""{ "tag": "vip" }""", "A,C")]
    [InlineData("""{ "attribute": { "name": "plan", "equals": "premium" } }""", "C")]
    [InlineData("""{ "all": [ { "area": "Riverside" }, { "not": { "tag": "vip" } } ] }""", "B")]
    [InlineData("""{ "any": [ { "issueCategory": "water" }, { "issueCategory": "billing" } ] }""", "B,C")]
    [InlineData("""{ "all": [] }""", "A,B,C,D")]
    [InlineData("""{ "all": [ { "tag": "vip" }, { "issueCategory": "electricity" }, { "attribute": { "name": "plan", "equals": "basic" } } ] }""", "A")]
    [InlineData("""{ "all": [ { "issueCategory": "electricity" }, { "not": { "issueCategory": "water" } } ] }""", "A")]
    [InlineData("""{ "any": [ { "all": [ { "tag": "vip" }, { "area": "Oakwood" } ] }, { "issueCategory": "water" } ] }""", "B,C")]
    public async Task Criteria_select_the_expected_customers(string criteria, string expected)
    {
        await SeedAsync();
        Assert.Equal(expected.Split(','), await IdsAsync(criteria));
    }

    [Fact]
    public async Task Contact_history_criteria_follow_recorded_attempts()
    {
        await SeedAsync();
        await _directory.RecordContactAsync("A", new ContactAttempt("camp", "a1", Now.AddDays(-40), CallResult.Answered, Interest.NotInterested, null));
        await _directory.RecordContactAsync("A", new ContactAttempt("camp", "a2", Now.AddDays(-2), CallResult.Answered, Interest.Interested, FollowUpKind.MoreInfo));
        await _directory.RecordContactAsync("B", new ContactAttempt("camp", "b1", Now.AddDays(-3), CallResult.NoAnswer, null, null));
        await _directory.RecordContactAsync("C", new ContactAttempt("camp", "c1", Now.AddDays(-60), CallResult.Answered, Interest.Neutral, FollowUpKind.Callback));

        Assert.Equal(["D"], await IdsAsync("""{ "contact": "neverContacted" }"""));
        Assert.Equal(["B", "D"], await IdsAsync("""{ "contact": "neverAnswered" }"""));
        Assert.Equal(["C", "D"], await IdsAsync("""{ "contact": "notContactedForDays", "days": 30 }"""));
        Assert.Equal(["A"], await IdsAsync("""{ "contact": "answeredWithinDays", "days": 7 }"""));
        Assert.Equal(["A"], await IdsAsync("""{ "lastInterest": "interested" }"""));
        Assert.Equal(["C"], await IdsAsync("""{ "lastInterest": "neutral" }"""));
    }

    [Fact]
    public async Task Recording_the_same_call_twice_keeps_one_attempt()
    {
        await SeedAsync();
        var attempt = new ContactAttempt("camp", "same-call", Now, CallResult.Busy, null, null);

        Assert.True(await _directory.RecordContactAsync("A", attempt));
        Assert.False(await _directory.RecordContactAsync("A", attempt));
        Assert.Single(await _directory.GetContactHistoryAsync("A"));
    }

    [Fact]
    public async Task Do_not_call_customers_are_never_in_an_audience_but_stay_browsable()
    {
        await SeedAsync();
        await _directory.AddDoNotCallAsync([new DoNotCallEntry(TestCustomers.Phone(1), "asked", "test", Now)]);

        Assert.Equal(["B"], await IdsAsync("""{ "issueCategory": "electricity" }"""));
        Assert.Equal(["B", "C", "D"], await IdsAsync("""{ "all": [] }"""));
        var browse = await _directory.QueryAsync(new AllCriteria([]), 0, 10, includeDoNotCall: true);
        Assert.True(browse.Items.Single(c => c.Id == "A").DoNotCall);

        Assert.True(await _directory.RemoveDoNotCallAsync(TestCustomers.Phone(1), "test"));
        Assert.Equal(["A", "B"], await IdsAsync("""{ "issueCategory": "electricity" }"""));
    }

    [Fact]
    public async Task A_customer_imported_with_a_listed_number_is_excluded_until_the_number_changes()
    {
        await SeedAsync();
        await _directory.AddDoNotCallAsync([new DoNotCallEntry(TestCustomers.Phone(9), "asked", "test", Now)]);

        await _directory.UpsertAsync([TestCustomers.Profile("E", TestCustomers.Phone(9), "Riverside")]);
        Assert.Equal(["A", "B"], await IdsAsync("""{ "area": "Riverside" }"""));

        await _directory.UpsertAsync([TestCustomers.Profile("E", TestCustomers.Phone(10), "Riverside")]);
        Assert.Equal(["A", "B", "E"], await IdsAsync("""{ "area": "Riverside" }"""));
    }

    [Fact]
    public async Task Paging_returns_the_total_and_the_requested_window()
    {
        await SeedAsync();
        var page = await _directory.QueryAsync(new AllCriteria([]), 1, 2);
        Assert.Equal(4, page.Total);
        Assert.Equal(["B", "C"], page.Items.Select(c => c.Id));
    }

    public void Dispose() => _file.Dispose();
}
