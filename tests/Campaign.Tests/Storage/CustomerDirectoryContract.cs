using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

/// <summary>What every customer directory does; each store runs it through a subclass.</summary>
public abstract class CustomerDirectoryContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private ICustomerDirectory? _store;

    private ICustomerDirectory Store => _store ??= CreateDirectory(new FixedClock(Now));

    protected abstract ICustomerDirectory CreateDirectory(TimeProvider clock);

    /// <summary>Whether the text is anywhere in what the store keeps (its files, its tables), in any row.</summary>
    protected abstract Task<bool> HoldsAnywhereAsync(string text);

    [Fact]
    public async Task Erasure_leaves_no_copy_of_the_person_and_nothing_finds_them()
    {
        await SeedAsync();
        const string name = "Zebulon Quartermaine";
        var phone = TestCustomers.Phone(777);
        await Store.UpsertAsync([TestCustomers.Profile("Z", phone, "Riverside", ["vip"], new Dictionary<string, string> { ["plan"] = "gold-zebulon" },
            new CustomerIssue("electricity", Now.AddDays(-2), "zebulon's fuse box sparks")) with { Name = name }]);
        await Store.RecordContactAsync("Z", new ContactAttempt("camp", "call-z", Now.AddDays(-1), CallResult.Answered, Interest.Interested, FollowUpKind.MoreInfo));
        Assert.True(await HoldsAnywhereAsync(name), "the store does not hold the name before the erasure: the scan cannot see it");

        Assert.True(await Store.EraseAsync("Z"));

        Assert.Null(await Store.GetAsync("Z"));
        Assert.Empty(await Store.GetContactHistoryAsync("Z"));
        Assert.DoesNotContain("Z", await IdsAsync("""{ "area": ["Riverside"] }"""));
        Assert.DoesNotContain("Z", await IdsAsync("""{ "tag": "vip" }"""));
        Assert.DoesNotContain("Z", await IdsAsync("""{ "attribute": { "name": "plan", "equals": "gold-zebulon" } }"""));
        Assert.Equal(["A", "B"], await IdsAsync("""{ "area": ["Riverside"] }"""));
        Assert.Equal(4, await Store.CountAllAsync());
        Assert.False(await HoldsAnywhereAsync(name));
        Assert.False(await HoldsAnywhereAsync("zebulon"));
        Assert.False(await HoldsAnywhereAsync(phone));
        Assert.False(await Store.EraseAsync("Z"));
    }

    private static CustomerIssue Issue(string category, int daysAgo) => new(category, Now.AddDays(-daysAgo), null);

    private async Task SeedAsync()
    {
        await Store.UpsertAsync(
        [
            TestCustomers.Profile("A", TestCustomers.Phone(1), "Riverside", ["vip"], new Dictionary<string, string> { ["plan"] = "basic" }, Issue("electricity", 10)),
            TestCustomers.Profile("B", TestCustomers.Phone(2), "Riverside", [], null, Issue("electricity", 200), Issue("water", 5)),
            TestCustomers.Profile("C", TestCustomers.Phone(3), "Oakwood", ["VIP"], new Dictionary<string, string> { ["plan"] = "premium" }, Issue("billing", 1)),
            TestCustomers.Profile("D", TestCustomers.Phone(4), "Hillcrest"),
        ]);
    }

    private async Task<string[]> IdsAsync(string criteriaJson)
    {
        var page = await Store.QueryAsync(SegmentCriteriaParser.Parse(criteriaJson), 0, 100);
        Assert.Equal(page.Items.Count, await Store.CountAsync(SegmentCriteriaParser.Parse(criteriaJson)));
        return page.Items.Select(c => c.Id).ToArray();
    }

    [Fact]
    public async Task Reimporting_updates_instead_of_duplicating_and_keeps_history()
    {
        await SeedAsync();
        await Store.RecordContactAsync("A", new ContactAttempt("camp", "call-1", Now.AddDays(-1), CallResult.Answered, Interest.Interested, FollowUpKind.MoreInfo));

        var counts = await Store.UpsertAsync([TestCustomers.Profile("A", TestCustomers.Phone(1), "Oakwood"), TestCustomers.Profile("E", TestCustomers.Phone(5))]);

        Assert.Equal((1, 1), (counts.Inserted, counts.Updated));
        Assert.Equal(5, await Store.CountAllAsync());
        var a = await Store.GetAsync("A");
        Assert.Equal("Oakwood", a!.Area);
        Assert.Empty(a.Issues);
        Assert.Single(await Store.GetContactHistoryAsync("A"));
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
        await Store.RecordContactAsync("A", new ContactAttempt("camp", "a1", Now.AddDays(-40), CallResult.Answered, Interest.NotInterested, null));
        await Store.RecordContactAsync("A", new ContactAttempt("camp", "a2", Now.AddDays(-2), CallResult.Answered, Interest.Interested, FollowUpKind.MoreInfo));
        await Store.RecordContactAsync("B", new ContactAttempt("camp", "b1", Now.AddDays(-3), CallResult.NoAnswer, null, null));
        await Store.RecordContactAsync("C", new ContactAttempt("camp", "c1", Now.AddDays(-60), CallResult.Answered, Interest.Neutral, FollowUpKind.Callback));

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

        Assert.True(await Store.RecordContactAsync("A", attempt));
        Assert.False(await Store.RecordContactAsync("A", attempt));
        Assert.Single(await Store.GetContactHistoryAsync("A"));
    }

    [Fact]
    public async Task Do_not_call_customers_are_never_in_an_audience_but_stay_browsable()
    {
        await SeedAsync();
        await Store.AddDoNotCallAsync([new DoNotCallEntry(TestCustomers.Phone(1), "asked", "test", Now)]);

        Assert.Equal(["B"], await IdsAsync("""{ "issueCategory": "electricity" }"""));
        Assert.Equal(["B", "C", "D"], await IdsAsync("""{ "all": [] }"""));
        var browse = await Store.QueryAsync(new AllCriteria([]), 0, 10, includeDoNotCall: true);
        Assert.True(browse.Items.Single(c => c.Id == "A").DoNotCall);

        Assert.True(await Store.RemoveDoNotCallAsync(TestCustomers.Phone(1), "test"));
        Assert.Equal(["A", "B"], await IdsAsync("""{ "issueCategory": "electricity" }"""));
    }

    [Fact]
    public async Task A_customer_imported_with_a_listed_number_is_excluded_until_the_number_changes()
    {
        await SeedAsync();
        await Store.AddDoNotCallAsync([new DoNotCallEntry(TestCustomers.Phone(9), "asked", "test", Now)]);

        await Store.UpsertAsync([TestCustomers.Profile("E", TestCustomers.Phone(9), "Riverside")]);
        Assert.Equal(["A", "B"], await IdsAsync("""{ "area": "Riverside" }"""));

        await Store.UpsertAsync([TestCustomers.Profile("E", TestCustomers.Phone(10), "Riverside")]);
        Assert.Equal(["A", "B", "E"], await IdsAsync("""{ "area": "Riverside" }"""));
    }

    [Fact]
    public async Task Paging_returns_the_total_and_the_requested_window()
    {
        await SeedAsync();
        var page = await Store.QueryAsync(new AllCriteria([]), 1, 2);
        Assert.Equal(4, page.Total);
        Assert.Equal(["B", "C"], page.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_search_finds_people_by_part_of_their_name_id_or_phone_listed_or_not()
    {
        await Store.UpsertAsync(
        [
            TestCustomers.Profile("cust-1001", "+14155550101") with { Name = "Ana O'Brien" },
            TestCustomers.Profile("cust-1002", "+14155550102") with { Name = "Bruno Díaz" },
            TestCustomers.Profile("cust-2001", "+12125550199") with { Name = "Anabel 100% Smith" },
        ]);
        await Store.AddDoNotCallAsync([new DoNotCallEntry("+14155550102", null, "test", Now)]);

        async Task<string[]> Found(string text, int skip = 0, int take = 50) =>
            [.. (await Store.SearchAsync(CustomerSearch.Parse(text)!, skip, take)).Items.Select(c => c.Id)];

        Assert.Equal(["cust-1001", "cust-2001"], await Found("ana"));
        Assert.Equal(["cust-1001"], await Found("o'brien"));
        Assert.Equal(["cust-1001", "cust-1002"], await Found("(415) 555-01"));
        Assert.Equal(["cust-1002"], await Found("CUST-1002"));
        Assert.Equal(["cust-2001"], await Found("100%"));
        Assert.Empty(await Found("nobody"));
        Assert.Empty(await Found("_"));
        var second = await Store.SearchAsync(CustomerSearch.Parse("cust-")!, 1, 1);
        Assert.Equal((3, "cust-1002"), (second.Total, second.Items.Single().Id));
        Assert.True(second.Items.Single().DoNotCall, "a listed customer is found, and shown as listed");
    }

    [Fact]
    public async Task Count_missing_counts_matching_customers_without_the_data()
    {
        await SeedAsync();
        await Store.UpsertAsync([new CustomerProfile("E", "Customer E", TestCustomers.Phone(5), null, null, "America/New_York", "en-US", [],
            new Dictionary<string, string> { ["plan"] = "" }, [])]);

        var everyone = new AllCriteria([]);
        Assert.Equal(1, await Store.CountMissingAsync(everyone, CustomerData.Area));
        Assert.Equal(1, await Store.CountMissingAsync(everyone, CustomerData.Address));
        Assert.Equal(2, await Store.CountMissingAsync(everyone, CustomerData.Issue));
        Assert.Equal(3, await Store.CountMissingAsync(everyone, CustomerData.Attribute, "PLAN"));
        Assert.Equal(1, await Store.CountMissingAsync(SegmentCriteriaParser.Parse("""{ "area": "Riverside" }"""), CustomerData.Attribute, "plan"));
    }

    [Fact]
    public async Task Contact_history_is_ordered_and_counted_since_a_time()
    {
        await SeedAsync();
        await Store.RecordContactAsync("A", new ContactAttempt("camp", "late", Now.AddHours(-1), CallResult.NoAnswer, null, null));
        await Store.RecordContactAsync("A", new ContactAttempt("camp", "early", Now.AddDays(-3), CallResult.Answered, Interest.Neutral, FollowUpKind.Callback));
        await Store.RecordContactAsync("A", new ContactAttempt("other", "b-same", Now.AddHours(-1), CallResult.Busy, null, null));

        var history = await Store.GetContactHistoryAsync("A");
        Assert.Equal(["early", "b-same", "late"], history.Select(a => a.CallId));
        Assert.Equal(new ContactAttempt("camp", "early", Now.AddDays(-3), CallResult.Answered, Interest.Neutral, FollowUpKind.Callback), history[0]);
        Assert.Equal(2, await Store.CountAttemptsSinceAsync("A", Now.AddDays(-1)));
        Assert.Empty(await Store.GetContactHistoryAsync("B"));
        Assert.False(await Store.RecordContactAsync("nobody", new ContactAttempt("camp", "x", Now, CallResult.Busy, null, null)));
    }

    [Fact]
    public async Task An_older_answer_does_not_replace_the_last_interest()
    {
        await SeedAsync();
        await Store.RecordContactAsync("A", new ContactAttempt("camp", "new", Now.AddDays(-1), CallResult.Answered, Interest.Interested, null));
        await Store.RecordContactAsync("A", new ContactAttempt("camp", "old", Now.AddDays(-5), CallResult.Answered, Interest.NotInterested, null));

        var a = (await Store.QueryAsync(SegmentCriteriaParser.Parse("""{ "tag": "vip" }"""), 0, 10)).Items.Single(c => c.Id == "A");
        Assert.Equal(Interest.Interested, a.LastInterest);
        Assert.Equal(Now.AddDays(-1), a.LastContactedAt);
        Assert.Equal(Now.AddDays(-1), a.LastAnsweredAt);
        Assert.Equal(["A"], await IdsAsync("""{ "lastInterest": "interested" }"""));
        Assert.Empty(await IdsAsync("""{ "lastInterest": "notInterested" }"""));
    }

    [Fact]
    public async Task The_do_not_call_list_keeps_first_entries_and_lists_newest_first()
    {
        var first = new DoNotCallEntry(TestCustomers.Phone(1), "asked", "call", Now.AddDays(-2));
        Assert.Equal(2, await Store.AddDoNotCallAsync([first, new DoNotCallEntry(TestCustomers.Phone(2), null, "import", Now)]));
        Assert.Equal(0, await Store.AddDoNotCallAsync([first with { Reason = "again", At = Now }]));

        Assert.True(await Store.IsDoNotCallAsync(TestCustomers.Phone(1)));
        Assert.False(await Store.IsDoNotCallAsync(TestCustomers.Phone(3)));
        Assert.Equal([TestCustomers.Phone(2), TestCustomers.Phone(1)], (await Store.ListDoNotCallAsync(0, 10)).Select(e => e.Phone));
        Assert.Equal(first, (await Store.ListDoNotCallAsync(1, 1)).Single());
        Assert.False(await Store.RemoveDoNotCallAsync(TestCustomers.Phone(3), "ui"));
    }

    [Fact]
    public async Task Profiles_read_back_whole_and_a_batch_may_name_a_customer_twice()
    {
        var profile = new CustomerProfile("P/1#?", "Ana Silva", TestCustomers.Phone(7), "Old Town", "12 Mill Rd", "Europe/Lisbon", "pt-PT",
            ["vip", "late payer"], new Dictionary<string, string> { ["plan"] = "basic", ["meter"] = "smart|2" },
            [new CustomerIssue("electricity", Now.AddDays(-3), "power cuts at night"), new CustomerIssue("water", null, null)]);

        var counts = await Store.UpsertAsync([profile with { Name = "first" }, profile]);

        Assert.Equal((1, 1), (counts.Inserted, counts.Updated));
        var read = await Store.GetAsync(profile.Id);
        Assert.Equal(profile.Name, read!.Name);
        Assert.Equal(profile.Tags, read.Tags);
        Assert.Equal(profile.Attributes, read.Attributes);
        Assert.Equal(profile.Issues, read.Issues);
        Assert.Equal((profile.Area, profile.Address, profile.TimeZone, profile.Language), (read.Area, read.Address, read.TimeZone, read.Language));
        Assert.Null(await Store.GetAsync("missing"));
        Assert.Equal([profile.Id], await IdsAsync("""{ "attribute": { "name": "meter", "equals": "smart|2" } }"""));
        Assert.Equal([profile.Id], await IdsAsync("""{ "issueCategory": "water" }"""));
        Assert.Empty(await IdsAsync("""{ "issueCategory": "water", "withinDays": 3650 }"""));
    }

    [Fact]
    public async Task Concurrent_reports_of_one_customer_are_all_kept_once()
    {
        await SeedAsync();
        var attempts = Enumerable.Range(0, 8)
            .Select(i => new ContactAttempt("camp", $"call-{i}", Now.AddHours(-i), i == 3 ? CallResult.Answered : CallResult.NoAnswer, i == 3 ? Interest.Interested : null, null))
            .ToList();

        var recorded = await Task.WhenAll(attempts.Concat(attempts).Select(a => Store.RecordContactAsync("C", a)));

        Assert.Equal(8, recorded.Count(r => r));
        Assert.Equal(8, (await Store.GetContactHistoryAsync("C")).Count);
        var c = (await Store.QueryAsync(SegmentCriteriaParser.Parse("""{ "tag": "vip" }"""), 0, 10)).Items.Single(x => x.Id == "C");
        Assert.Equal((Now, Now.AddHours(-3), Interest.Interested), (c.LastContactedAt, c.LastAnsweredAt, c.LastInterest));
        Assert.Equal(["C"], await IdsAsync("""{ "contact": "answeredWithinDays", "days": 1 }"""));
    }

    [Fact]
    public async Task The_do_not_call_list_is_searched_by_digits_source_or_reason_newest_first_with_a_total()
    {
        await Store.AddDoNotCallAsync([
            new DoNotCallEntry("+14155550101", "asked by letter", "admin:ops", Now.AddDays(-3)),
            new DoNotCallEntry("+14155550102", null, "call", Now.AddDays(-2)),
            new DoNotCallEntry("+12125550103", "Moved away", "api", Now.AddDays(-1)),
        ]);

        async Task<(int, string)> FindAsync(string text, int skip = 0, int take = 10)
        {
            var page = await Store.SearchDoNotCallAsync(CustomerSearch.Parse(text)!, skip, take);
            return (page.Total, string.Join(" ", page.Items.Select(e => e.Phone)));
        }

        Assert.Equal((2, "+14155550102 +14155550101"), await FindAsync("(415) 555"));
        Assert.Equal((1, "+12125550103"), await FindAsync("moved"));
        Assert.Equal((1, "+14155550101"), await FindAsync("ADMIN"));
        Assert.Equal((1, "+14155550101"), await FindAsync("415 555 0101"));
        Assert.Equal((2, "+14155550101"), await FindAsync("4155550", skip: 1, take: 1));
        Assert.Equal((0, ""), await FindAsync("41"));
        Assert.Equal((0, ""), await FindAsync("nothing like it"));
    }

    [Fact]
    public async Task Do_not_call_changes_are_logged_newest_first_and_counted()
    {
        await Store.AddDoNotCallAsync([new DoNotCallEntry(TestCustomers.Phone(1), "asked", "call", Now.AddDays(-2))]);
        await Store.AddDoNotCallAsync([new DoNotCallEntry(TestCustomers.Phone(2), null, "import", Now.AddDays(-5))]);
        await Store.AddDoNotCallAsync([new DoNotCallEntry(TestCustomers.Phone(1), "again", "call", Now)]);
        await Store.RemoveDoNotCallAsync(TestCustomers.Phone(1), "ui", "confirmed by phone with the customer");

        Assert.Equal(1, await Store.CountDoNotCallAsync());
        var changes = await Store.ListDoNotCallChangesAsync(null, 0, 10);
        Assert.Equal(
            [(TestCustomers.Phone(1), DoNotCallAction.Removed, "ui"), (TestCustomers.Phone(2), DoNotCallAction.Added, "import"), (TestCustomers.Phone(1), DoNotCallAction.Added, "call")],
            changes.Select(c => (c.Phone, c.Action, c.Source)));
        Assert.Equal(new DoNotCallChange(TestCustomers.Phone(1), DoNotCallAction.Added, "asked", "call", Now.AddDays(-2)), changes[2]);
        Assert.Equal("confirmed by phone with the customer", changes[0].Reason);
        var ofOne = await Store.ListDoNotCallChangesAsync(TestCustomers.Phone(1), 1, 5);
        Assert.Equal([DoNotCallAction.Added], ofOne.Select(c => c.Action));
    }
}
