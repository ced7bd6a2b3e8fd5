using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public class CallingWindowTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private async Task<IReadOnlyList<string>> SeedZonesAsync(params string[] zones)
    {
        var (area, ids) = await fixture.SeedAsync(zones.Length, "W");
        var profiles = ids.Select((id, i) => TestCustomers.Profile(id, TestCustomers.Phone(900_000 + Random.Shared.Next(90_000)), area) with { TimeZone = zones[i] }).ToList();
        await fixture.Directory.UpsertAsync(profiles);
        return ids;
    }

    private IEnumerable<string> CalledCustomers(ICampaignGrain campaign) =>
        fixture.Telephony.Placed.Where(p => p.CallId.StartsWith(campaign.GetPrimaryKeyString())).Select(p => p.CustomerId).Distinct();

    private async Task<ICampaignGrain> StartAsync(IReadOnlyList<string> ids, CallingWindow? window = null)
    {
        var area = ids[0][..ids[0].LastIndexOf('-')];
        return await fixture.StartCampaignAsync(EngineFixture.Definition(area, 3) with { CallingWindow = window });
    }

    [Fact]
    public async Task Customers_in_three_time_zones_are_called_only_inside_their_local_calling_hours()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var ids = await SeedZonesAsync("America/New_York", "Europe/Lisbon", "Asia/Tokyo");

        // Thursday 12:00 UTC: Lisbon 12:00 (open), New York 07:00 (too early), Tokyo 21:00 (too late).
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var campaign = await StartAsync(ids);
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).Finished == 1, "Lisbon is called");
        await Task.Delay(400);
        Assert.Equal([ids[1]], CalledCustomers(campaign));

        // 13:00 UTC: New York opens at 08:00.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 13, 0, 1, TimeSpan.Zero));
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).Finished == 2, "New York is called");
        Assert.DoesNotContain(ids[2], CalledCustomers(campaign));

        // 23:00 UTC: Tokyo's next morning, 08:00 on Friday.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 23, 0, 1, TimeSpan.Zero));
        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal(3, done.Finished);
    }

    [Fact]
    public async Task Calling_hours_follow_the_daylight_saving_change()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var ids = await SeedZonesAsync("America/New_York");

        // New York leaves daylight saving on Sunday 1 November 2026: 12:30 UTC is 07:30 EST (it would be 08:30 EDT).
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 1, 12, 30, 0, TimeSpan.Zero));
        var campaign = await StartAsync(ids);
        await Task.Delay(600);
        Assert.Empty(CalledCustomers(campaign));

        fixture.Clock.Set(new DateTimeOffset(2026, 11, 1, 13, 0, 1, TimeSpan.Zero));
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal([ids[0]], CalledCustomers(campaign));
    }

    [Fact]
    public async Task A_campaign_window_narrows_the_days_and_hours_but_the_law_still_applies()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var ids = await SeedZonesAsync("Europe/Lisbon");
        var weekdaysLate = new CallingWindow([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            TimeSpan.FromHours(6), TimeSpan.FromHours(23), null);

        // Saturday noon: the campaign window excludes weekends.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var campaign = await StartAsync(ids, weekdaysLate);
        await Task.Delay(500);
        Assert.Empty(CalledCustomers(campaign));

        // Monday 06:30: inside the campaign's 06:00–23:00, but before the legal 08:00.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 30, 6, 30, 0, TimeSpan.Zero));
        await Task.Delay(500);
        Assert.Empty(CalledCustomers(campaign));

        fixture.Clock.Set(new DateTimeOffset(2026, 11, 30, 8, 0, 1, TimeSpan.Zero));
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal([ids[0]], CalledCustomers(campaign));
    }

    [Fact]
    public async Task A_Canadian_customer_waits_for_Canadas_weekend_hours_while_an_American_one_is_called()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var (area, ids) = await fixture.SeedAsync(2, "CA");
        await fixture.Directory.UpsertAsync(
        [
            TestCustomers.Profile(ids[0], TestCustomers.Phone(950_000 + Random.Shared.Next(9_000)), area) with { TimeZone = "America/New_York" },
            TestCustomers.Profile(ids[1], $"+1416555{Random.Shared.Next(10_000):D4}", area) with { TimeZone = "America/Toronto" },
        ]);

        // Saturday 28 November, 09:30 in New York and Toronto: legal in the US, before Canada's 10:00 at weekends.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.Zero));
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 2));
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).Finished == 1, "the American customer is called");
        await Task.Delay(400);
        Assert.Equal([ids[0]], CalledCustomers(campaign));

        // 10:15 in Toronto, after the dial-time refusal's recheck delay.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 28, 15, 15, 1, TimeSpan.Zero));
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal([ids[0], ids[1]], CalledCustomers(campaign));
    }

    [Fact]
    public async Task Customers_without_a_time_zone_are_called_only_when_every_zone_of_their_number_allows_it()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var (area, ids) = await fixture.SeedAsync(4, "NZ");
        var line = Random.Shared.Next(1000, 9999);
        await fixture.Directory.UpsertAsync(
        [
            TestCustomers.Profile(ids[0], $"+1415555{line}", area) with { TimeZone = null }, // San Francisco
            TestCustomers.Profile(ids[1], $"+1808555{line}", area) with { TimeZone = null }, // Honolulu
            TestCustomers.Profile(ids[2], $"+1986234{line}", area) with { TimeZone = null }, // Idaho: Mountain and Pacific
            TestCustomers.Profile(ids[3], $"+800{line}5678", area) with { TimeZone = null }, // no zone can be known
        ]);

        // Thursday 15:30 UTC: 07:30 in San Francisco, 05:30 in Honolulu, 08:30 in Boise but 07:30 on Idaho's Pacific side.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 15, 30, 0, TimeSpan.Zero));
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 4));
        Assert.Equal(1, (await campaign.GetProgressAsync()).Skipped);
        var unknown = Assert.Single((await fixture.Decisions.ForCustomerAsync(ids[3], 0, 10)).Items);
        Assert.Equal((Abstractions.Compliance.DialDecisionKind.Skip, "timeZoneUnknown"), (unknown.Decision, unknown.Reasons.Single().Rule));
        Assert.Equal(new Dictionary<string, int> { ["timeZoneUnknown"] = 1 }, (await campaign.GetProgressAsync()).SkippedByReason);
        await Task.Delay(500);
        Assert.Empty(CalledCustomers(campaign));

        // 16:00 UTC: 08:00 on the Pacific coast.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 16, 0, 1, TimeSpan.Zero));
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).Finished >= 2, "the Pacific customers are called");
        Assert.Equal([ids[0], ids[2]], CalledCustomers(campaign).Order());

        // 18:00 UTC: 08:00 in Honolulu.
        fixture.Clock.Set(new DateTimeOffset(2026, 11, 26, 18, 0, 1, TimeSpan.Zero));
        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal([ids[0], ids[1], ids[2]], CalledCustomers(campaign).Order());
        Assert.Equal((3, 1), (done.Finished, done.Skipped));

        // The answer's local hour is the San Francisco customer's own, not UTC's.
        var calls = await fixture.CallsOfAsync(campaign.GetPrimaryKeyString());
        Assert.Equal(8, calls.Single(c => c.CustomerId == ids[0]).Outcome?.LocalHour);
    }
}
