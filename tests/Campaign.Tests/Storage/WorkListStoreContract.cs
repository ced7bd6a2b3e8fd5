using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

/// <summary>What every work list store does; each store runs it through a subclass.</summary>
public abstract class WorkListStoreContract
{
    private const string Campaign = "camp-1";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds());
    private static readonly ICallingPlaces Zones = new AreaPlaces();
    private (ICustomerDirectory Directory, IWorkListStore Work)? _stores;

    private ICustomerDirectory Directory => (_stores ??= CreateStores(new FixedClock(Now))).Directory;

    private IWorkListStore Work => (_stores ??= CreateStores(new FixedClock(Now))).Work;

    protected abstract (ICustomerDirectory Directory, IWorkListStore Work) CreateStores(TimeProvider clock);

    /// <summary>Places by imported zone, else by area (Riverside: London, Oakwood: UTC); unknown elsewhere.</summary>
    private sealed class AreaPlaces : ICallingPlaces
    {
        public string KeyOf(string? timeZone, string? phone, string? area, string? state) =>
            timeZone ?? area?.ToLowerInvariant() switch { "riverside" => "Europe/London", "oakwood" => "UTC", _ => "" };
    }

    /// <summary>A (New York), B (Riverside, zone from its area), C (Oakwood, zone from its area), D on the do-not-call list.</summary>
    private async Task<IReadOnlyList<WorkItem>> SnapshotAsync()
    {
        await Directory.UpsertAsync(
        [
            TestCustomers.Profile("A", TestCustomers.Phone(1), "Riverside", ["vip"]),
            TestCustomers.Profile("B", TestCustomers.Phone(2), "Riverside") with { TimeZone = null },
            TestCustomers.Profile("C", TestCustomers.Phone(3), "Oakwood", ["vip"]) with { TimeZone = null },
            TestCustomers.Profile("D", TestCustomers.Phone(4), "Riverside"),
        ]);
        await Directory.AddDoNotCallAsync([new DoNotCallEntry(TestCustomers.Phone(4), "asked", "test", Now)]);
        var parts = new[]
        {
            new AudiencePart("riverside", SegmentCriteriaParser.Parse("""{ "area": "Riverside" }""")),
            new AudiencePart("vip", SegmentCriteriaParser.Parse("""{ "tag": "vip" }""")),
        };
        Assert.Equal(3, await Work.SnapshotAsync(Campaign, parts, Zones, Now));
        return await Work.NextDueAsync(Campaign, Now, ["America/New_York", "Europe/London", "UTC"], 10);
    }

    private static WorkItem ItemOf(IEnumerable<WorkItem> items, string customerId) => items.Single(i => i.CustomerId == customerId);

    [Fact]
    public async Task A_snapshot_takes_each_customer_once_with_the_first_part_and_a_time_zone()
    {
        var items = await SnapshotAsync();

        Assert.Equal(["A", "B", "C"], items.Select(i => i.CustomerId).Order());
        Assert.Equal(("riverside", "America/New_York"), (ItemOf(items, "A").SegmentId, ItemOf(items, "A").TimeZone));
        Assert.Equal(("riverside", "Europe/London"), (ItemOf(items, "B").SegmentId, ItemOf(items, "B").TimeZone));
        Assert.Equal(("vip", "UTC"), (ItemOf(items, "C").SegmentId, ItemOf(items, "C").TimeZone));
        Assert.All(items, i => Assert.Equal((WorkItemState.Pending, 0, Now, (string?)null), (i.State, i.Attempts, i.DueAt, i.CallId)));
        Assert.Equal(3, items.Select(i => i.Seq).Distinct().Count());

        var again = await Work.SnapshotAsync(Campaign, [new AudiencePart(null, new AllCriteria([]))], Zones, Now);
        Assert.Equal(3, again);
        Assert.Equal(0, await Work.SnapshotAsync("empty", [new AudiencePart(null, SegmentCriteriaParser.Parse("""{ "tag": "none" }"""))], Zones, Now));
    }

    [Fact]
    public async Task A_customer_whose_place_is_unknown_is_taken_as_skipped_and_never_due()
    {
        await Directory.UpsertAsync(
        [
            TestCustomers.Profile("K", TestCustomers.Phone(11), "Riverside") with { TimeZone = null },
            TestCustomers.Profile("U", TestCustomers.Phone(12), "Nowhere") with { TimeZone = null },
        ]);

        Assert.Equal(2, await Work.SnapshotAsync("unknown-zone", [new AudiencePart(null, new AllCriteria([]))], Zones, Now));

        Assert.Equal(["K"], (await Work.NextDueAsync("unknown-zone", Now, ["Europe/London", ""], 10)).Select(i => i.CustomerId));
        Assert.Equal(["Europe/London"], await Work.PendingZonesAsync("unknown-zone"));
        var counts = await Work.CountAsync("unknown-zone");
        Assert.Equal((2, 1, 1), (counts.Total, counts.Pending, counts.Skipped));
        Assert.Equal(["U"], await Work.SkippedCustomersAsync("unknown-zone", "timeZoneUnknown", 0, 10));
        Assert.Empty(await Work.SkippedCustomersAsync("unknown-zone", "timeZoneUnknown", 1, 10));
        Assert.Equal(new Dictionary<string, int> { ["timeZoneUnknown"] = 1 }, await Work.SkippedByReasonAsync("unknown-zone"));
    }

    [Fact]
    public async Task Due_items_are_filtered_by_open_zone_and_time_earliest_first()
    {
        var items = await SnapshotAsync();
        var a = ItemOf(items, "A");
        Assert.True(await Work.MarkDialingAsync(Campaign, a.Seq, "call-a"));
        Assert.True(await Work.SettleAsync(Campaign, a.Seq, "call-a", WorkItemState.Pending, "NoAnswer", Now.AddHours(1), countAttempt: true));

        Assert.Equal(["B"], (await Work.NextDueAsync(Campaign, Now, ["Europe/London", "America/New_York"], 10)).Select(i => i.CustomerId));
        Assert.Empty(await Work.NextDueAsync(Campaign, Now, [], 10));
        Assert.Single(await Work.NextDueAsync(Campaign, Now, ["Europe/London", "UTC"], 1));
        var later = await Work.NextDueAsync(Campaign, Now.AddHours(2), ["America/New_York", "Europe/London", "UTC"], 10);
        Assert.Equal("A", later[^1].CustomerId);
        Assert.Equal((1, Now.AddHours(1), "call-a"), (later[^1].Attempts, later[^1].DueAt, later[^1].CallId));

        var due = await Work.DueByZoneAsync(Campaign, Now);
        Assert.Equal(new Dictionary<string, int> { ["Europe/London"] = 1, ["UTC"] = 1 }, due.OrderBy(z => z.Key).ToDictionary());
        Assert.Equal(["America/New_York", "Europe/London", "UTC"], (await Work.PendingZonesAsync(Campaign)).Order());
        Assert.Equal(Now, await Work.NextDueAtAsync(Campaign));
        Assert.Null(await Work.NextDueAtAsync("unknown"));

        // What happens next: every pending item in due order, the retry last; none in a call or done.
        var pending = await Work.PendingAsync(Campaign, 10);
        Assert.Equal(3, pending.Count);
        Assert.Equal("A", pending[^1].CustomerId);
        Assert.Equal(pending.OrderBy(i => i.DueAt).ThenBy(i => i.Seq), pending);
        Assert.Equal(2, (await Work.PendingAsync(Campaign, 2)).Count);
        var b = ItemOf(pending, "B");
        Assert.True(await Work.MarkDialingAsync(Campaign, b.Seq, "call-b"));
        Assert.DoesNotContain("B", (await Work.PendingAsync(Campaign, 10)).Select(i => i.CustomerId));
        Assert.Empty(await Work.PendingAsync("unknown", 10));
    }

    [Fact]
    public async Task Taking_and_settling_are_conditional_so_a_repeated_report_changes_nothing()
    {
        var b = ItemOf(await SnapshotAsync(), "B");

        Assert.True(await Work.MarkDialingAsync(Campaign, b.Seq, "call-1"));
        Assert.False(await Work.MarkDialingAsync(Campaign, b.Seq, "call-2"));
        Assert.Equal(["call-1"], (await Work.InCallAsync(Campaign)).Select(i => i.CallId));
        Assert.DoesNotContain(await Work.NextDueAsync(Campaign, Now, ["Europe/London"], 10), i => i.Seq == b.Seq);

        Assert.False(await Work.SettleAsync(Campaign, b.Seq, "call-2", WorkItemState.Done, "Answered", null, countAttempt: true));
        Assert.True(await Work.SettleAsync(Campaign, b.Seq, "call-1", WorkItemState.Done, "Answered", null, countAttempt: true));
        Assert.False(await Work.SettleAsync(Campaign, b.Seq, "call-1", WorkItemState.Done, "Answered", null, countAttempt: true));
        Assert.False(await Work.MarkDialingAsync(Campaign, b.Seq, "call-3"));
        Assert.False(await Work.MarkDialingAsync(Campaign, 12345, "call-4"));

        var counts = await Work.CountAsync(Campaign);
        Assert.Equal(new WorkListCounts(3, 2, 2, 0, 0, 1, 0, 0), counts);
        Assert.Empty(await Work.InCallAsync(Campaign));
    }

    [Fact]
    public async Task A_held_item_waits_until_its_hour_with_its_attempts_unchanged_and_only_a_pending_item_is_held()
    {
        var items = await SnapshotAsync();
        var (a, b) = (ItemOf(items, "A"), ItemOf(items, "B"));
        var later = Now.AddHours(7);

        Assert.True(await Work.DeferAsync(Campaign, a.Seq, later, "heldForBetterTime"));
        Assert.True(await Work.MarkDialingAsync(Campaign, b.Seq, "call-1"));
        Assert.False(await Work.DeferAsync(Campaign, b.Seq, later, "heldForBetterTime"));
        Assert.False(await Work.DeferAsync(Campaign, 12345, later, "heldForBetterTime"));

        Assert.DoesNotContain(await Work.NextDueAsync(Campaign, Now, ["America/New_York"], 10), i => i.Seq == a.Seq);
        var held = ItemOf(await Work.NextDueAsync(Campaign, later, ["America/New_York"], 10), "A");
        Assert.Equal((WorkItemState.Pending, 0, later), (held.State, held.Attempts, held.DueAt));
        Assert.Equal(["call-1"], (await Work.InCallAsync(Campaign)).Select(i => i.CallId));
        Assert.Equal(new WorkListCounts(3, 2, 1, 0, 1, 0, 0, 0), await Work.CountAsync(Campaign));
    }

    [Fact]
    public async Task Counts_follow_every_state_and_cancelling_stops_only_pending_items()
    {
        var items = await SnapshotAsync();
        var (a, b, c) = (ItemOf(items, "A"), ItemOf(items, "B"), ItemOf(items, "C"));
        await Work.MarkDialingAsync(Campaign, a.Seq, "call-a");
        await Work.SettleAsync(Campaign, a.Seq, "call-a", WorkItemState.Pending, "Busy", Now.AddDays(1), countAttempt: true);
        await Work.MarkDialingAsync(Campaign, b.Seq, "call-b");
        await Work.MarkDialingAsync(Campaign, c.Seq, "call-c");
        await Work.SettleAsync(Campaign, c.Seq, "call-c", WorkItemState.Skipped, "DoNotCall", null, countAttempt: false);

        Assert.Equal(new WorkListCounts(3, 1, 0, 1, 1, 0, 1, 0), await Work.CountAsync(Campaign));

        Assert.Equal(1, await Work.CancelPendingAsync(Campaign));
        Assert.Equal(0, await Work.CancelPendingAsync(Campaign));
        Assert.Equal(new WorkListCounts(3, 0, 0, 0, 1, 0, 1, 1), await Work.CountAsync(Campaign));
        Assert.Empty(await Work.PendingZonesAsync(Campaign));
        Assert.Empty(await Work.NextDueAsync(Campaign, Now.AddDays(2), ["America/New_York", "Europe/London", "UTC"], 10));
        Assert.True(await Work.SettleAsync(Campaign, b.Seq, "call-b", WorkItemState.Done, "Answered", null, countAttempt: true));
    }

    [Fact]
    public async Task Of_several_concurrent_takers_and_settlers_exactly_one_wins()
    {
        var b = ItemOf(await SnapshotAsync(), "B");

        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Work.MarkDialingAsync(Campaign, b.Seq, $"call-{i}")));
        var winner = (await Work.InCallAsync(Campaign)).Single().CallId!;
        var settled = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Work.SettleAsync(Campaign, b.Seq, winner, WorkItemState.Pending, "NoAnswer", Now, countAttempt: true)));

        Assert.Equal(1, taken.Count(t => t));
        Assert.Equal(1, settled.Count(s => s));
        Assert.Equal(1, ItemOf(await Work.NextDueAsync(Campaign, Now, ["Europe/London"], 10), "B").Attempts);
    }
}
