using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

/// <summary>A learned-timing campaign calls each customer at the hours they answer, and an ASAP one calls at once.</summary>
public class LearnedTimingEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    /// <summary>Two working weeks of calls at 10:00, 15:00 and 19:00 Lisbon time; only <paramref name="answersAt"/> answered.</summary>
    private async Task SeedHistoryAsync(string customerId, int answersAt)
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(customerId);
        var monday = new DateTime(2026, 11, 2);
        for (var day = 0; day < 10; day++)
        {
            var date = monday.AddDays(day + (day >= 5 ? 2 : 0));
            foreach (var hour in new[] { 10, 15, 19 })
            {
                var local = date.AddHours(hour);
                var at = new DateTimeOffset(local, Lisbon.GetUtcOffset(local));
                await customer.RecordContactAsync(new ContactAttempt("history", $"{customerId}-{day}-{hour}", at,
                    hour == answersAt ? CallResult.Answered : CallResult.NoAnswer, null, null));
            }
        }
    }

    private async Task<IReadOnlyList<string>> SeedEveningAndMorningPeopleAsync()
    {
        var (area, ids) = await fixture.SeedAsync(2, "LT");
        await fixture.Directory.UpsertAsync(ids.Select((id, i) =>
            TestCustomers.Profile(id, TestCustomers.Phone(980_000 + Random.Shared.Next(10_000)), area) with { TimeZone = "Europe/Lisbon" }).ToList());
        await SeedHistoryAsync(ids[0], answersAt: 19);
        await SeedHistoryAsync(ids[1], answersAt: 10);
        return ids;
    }

    private IEnumerable<string> CalledCustomers(ICampaignGrain campaign) =>
        fixture.Telephony.Placed.Where(p => p.CallId.StartsWith(campaign.GetPrimaryKeyString())).Select(p => p.CustomerId).Distinct();

    private static CampaignDefinition Definition(IReadOnlyList<string> ids, CallTiming timing)
    {
        var area = ids[0][..ids[0].LastIndexOf('-')];
        return EngineFixture.Definition(area, 2) with { Timing = timing };
    }

    [Fact]
    public async Task Learned_timing_holds_an_evening_person_until_the_evening_and_calls_a_morning_person_now()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var ids = await SeedEveningAndMorningPeopleAsync();

        // Thursday 3 December 2026, 10:00 in Lisbon (UTC+0 in winter).
        fixture.Clock.Set(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var campaign = await fixture.StartCampaignAsync(Definition(ids, CallTiming.Learned));
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).Finished == 1, "the morning person is called");
        Assert.Equal([ids[1]], CalledCustomers(campaign));

        var work = new SqliteWorkListStore(new SqliteDatabase(fixture.DatabasePath));
        var held = Assert.Single(await work.PendingAsync(campaign.GetPrimaryKeyString(), 10));
        Assert.Equal(ids[0], held.CustomerId);
        Assert.Equal(19, held.DueAt.ToUniversalTime().Hour);
        Assert.Equal(3, held.DueAt.Day);
        var pending = Assert.Single(await campaign.GetPendingAsync(10));
        Assert.Equal((ids[0], PendingReason.BetterTime), (pending.CustomerId, pending.Reason));

        fixture.Clock.Set(new DateTimeOffset(2026, 12, 3, 19, 0, 1, TimeSpan.Zero));
        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal([ids[1], ids[0]], CalledCustomers(campaign));

        // Both were called at an hour they answer at, and both answered: what was expected, and what came.
        var forecast = done.AnswerForecast!;
        Assert.Equal((2, 2), (forecast.Calls, forecast.Answered));
        Assert.InRange(forecast.ExpectedRate!.Value, 0.5, 1.0);
    }

    [Fact]
    public async Task As_soon_as_possible_calls_everyone_at_once_whatever_their_history()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var ids = await SeedEveningAndMorningPeopleAsync();

        fixture.Clock.Set(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var campaign = await fixture.StartCampaignAsync(Definition(ids, CallTiming.Asap));
        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        Assert.Equal(ids.OrderBy(id => id), CalledCustomers(campaign).OrderBy(id => id));
        Assert.Null(done.AnswerForecast);
    }
}
