using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Schedules;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public class ScheduleRestartTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task A_run_due_while_the_silo_was_down_starts_when_it_is_back()
    {
        var area = "Restart" + Guid.NewGuid().ToString("N")[..6];
        var directory = new SqliteCustomerDirectory(new SqliteDatabase(_file.Path), TimeProvider.System);
        await directory.UpsertAsync([TestCustomers.Profile($"{area}-1", TestCustomers.Phone(990_001), area, issues: new CustomerIssue("water", null, null)) with { TimeZone = "Europe/Lisbon" }]);
        var occurrence = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero); // a Monday, 09:00 in Lisbon
        var id = "sch-restart";

        var clock = new ShiftedClock();
        clock.Set(occurrence.AddDays(-1));
        await using (var first = await EngineCluster.StartAsync(_file.Path, scripted: true, clock: clock))
        {
            var created = await first.Client.GetGrain<IScheduleGrain>(id)
                .CreateAsync(new ScheduleDefinition(EngineFixture.Definition(area, 1), "0 9 * * MON", "Europe/Lisbon", null, null));
            Assert.Equal(occurrence, created.NextRuns[0]);
        }

        var later = new ShiftedClock();
        later.Set(occurrence.AddMinutes(5));
        await using var second = await EngineCluster.StartAsync(_file.Path, scripted: true, clock: later);
        var schedule = second.Client.GetGrain<IScheduleGrain>(id);
        await EngineFixture.WaitUntilAsync(async () => (await schedule.GetAsync())!.Runs.Count == 1, "the missed run starts", TimeSpan.FromSeconds(20));
        var campaign = second.Client.GetGrain<ICampaignGrain>((await schedule.GetAsync())!.Runs[0].CampaignId);
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal(occurrence.AddDays(7), (await schedule.GetAsync())!.NextRuns[0]);
    }

    public void Dispose() => _file.Dispose();
}
