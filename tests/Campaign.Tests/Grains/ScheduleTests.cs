using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Schedules;
using Campaign.Grains.Schedules;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public class ScheduleTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly DateTimeOffset BeforeDaylightSavingEnds = new(2026, 10, 23, 12, 0, 0, TimeSpan.Zero);

    private async Task<string> LisbonAreaAsync()
    {
        var (area, ids) = await fixture.SeedAsync(2, "S");
        await fixture.Directory.UpsertAsync(ids.Select((id, i) => TestCustomers.Profile(id, TestCustomers.Phone(950_000 + Random.Shared.Next(40_000)), area) with { TimeZone = "Europe/Lisbon" }).ToList());
        return area;
    }

    private static async Task WaitForRunsAsync(IScheduleGrain schedule, int runs)
    {
        await EngineFixture.WaitUntilAsync(async () => (await schedule.GetAsync())!.Runs.Count >= runs, $"{runs} run(s) started", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void Daily_runs_keep_their_local_time_across_the_daylight_saving_change()
    {
        var definition = new ScheduleDefinition(EngineFixture.Definition("x", 1), "0 9 * * *", "Europe/Lisbon", null, null);
        var runs = ScheduleOccurrences.Next(definition, BeforeDaylightSavingEnds, 3);
        Assert.Equal(
            [
                new DateTimeOffset(2026, 10, 24, 8, 0, 0, TimeSpan.Zero), // 09:00 WEST
                new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero), // 09:00 WET
                new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero),
            ],
            runs);
    }

    [Fact]
    public async Task A_recurring_schedule_fires_each_run_at_its_local_time_across_daylight_saving()
    {
        var area = await LisbonAreaAsync();
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        fixture.Clock.Set(BeforeDaylightSavingEnds);
        var schedule = fixture.Grains.GetGrain<IScheduleGrain>("sch-" + Guid.NewGuid().ToString("N")[..8]);
        var created = await schedule.CreateAsync(new ScheduleDefinition(EngineFixture.Definition(area, 2), "0 9 * * *", "Europe/Lisbon", null, null));
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 8, 0, 0, TimeSpan.Zero), created.NextRuns[0]);

        fixture.Clock.Set(new DateTimeOffset(2026, 10, 24, 8, 0, 1, TimeSpan.Zero));
        await WaitForRunsAsync(schedule, 1);

        // 08:30 UTC on the 25th is 08:30 in Lisbon after the change: not yet.
        fixture.Clock.Set(new DateTimeOffset(2026, 10, 25, 8, 30, 0, TimeSpan.Zero));
        await Task.Delay(2500);
        Assert.Single((await schedule.GetAsync())!.Runs);

        fixture.Clock.Set(new DateTimeOffset(2026, 10, 25, 9, 0, 1, TimeSpan.Zero));
        await WaitForRunsAsync(schedule, 2);

        var runs = (await schedule.GetAsync())!.Runs;
        Assert.All(runs, r => Assert.Null(r.Error));
        foreach (var run in runs)
        {
            var campaign = fixture.Grains.GetGrain<ICampaignGrain>(run.CampaignId);
            var progress = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
            Assert.Equal(2, progress.Audience);
        }

        Assert.True(await schedule.DeleteAsync());
        Assert.Null(await schedule.GetAsync());
    }

    [Fact]
    public async Task A_one_off_schedule_with_an_end_time_starts_the_campaign_and_stops_it_at_the_end()
    {
        var area = await LisbonAreaAsync();
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromSeconds(30), "Yes, tell me more.");
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        fixture.Clock.Set(start.AddHours(-1));
        var schedule = fixture.Grains.GetGrain<IScheduleGrain>("sch-" + Guid.NewGuid().ToString("N")[..8]);
        await schedule.CreateAsync(new ScheduleDefinition(EngineFixture.Definition(area, 1), null, "Europe/Lisbon", start, start.AddHours(2)));

        fixture.Clock.Set(start.AddSeconds(1));
        await WaitForRunsAsync(schedule, 1);
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>((await schedule.GetAsync())!.Runs[0].CampaignId);
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).InFlight == 1, "the first call is live");

        fixture.Clock.Set(start.AddHours(2).AddSeconds(1));
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Cancelled, TimeSpan.FromSeconds(15));
        Assert.False((await schedule.GetAsync())!.Active);
    }

    [Fact]
    public async Task Bad_schedules_name_the_field_and_are_not_saved()
    {
        var area = await LisbonAreaAsync();
        var schedule = fixture.Grains.GetGrain<IScheduleGrain>("sch-" + Guid.NewGuid().ToString("N")[..8]);
        Task Create(string? cron, string zone, DateTimeOffset? startAt = null, DateTimeOffset? endAt = null) =>
            schedule.CreateAsync(new ScheduleDefinition(EngineFixture.Definition(area, 1), cron, zone, startAt, endAt));

        Assert.Equal("cron", (await Assert.ThrowsAsync<CampaignException>(() => Create("every monday", "UTC"))).Field);
        Assert.Equal("timeZone", (await Assert.ThrowsAsync<CampaignException>(() => Create("0 9 * * *", "Moon/Base"))).Field);
        Assert.Equal("cron", (await Assert.ThrowsAsync<CampaignException>(() => Create(null, "UTC"))).Field);
        Assert.Equal("startAt", (await Assert.ThrowsAsync<CampaignException>(() => Create(null, "UTC", fixture.Clock.GetUtcNow().AddDays(-1)))).Field);
        var at = fixture.Clock.GetUtcNow().AddDays(1);
        Assert.Equal("endAt", (await Assert.ThrowsAsync<CampaignException>(() => Create("0 9 * * *", "UTC", at, at.AddHours(-1)))).Field);
        Assert.Null(await schedule.GetAsync());
    }
}
