using Campaign.Abstractions.Campaigns;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public sealed class LimitedEngineFixture : EngineFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Compliance:MaxAttemptsPerCustomerPerDay"] = "2",
        ["Compliance:MaxAttemptsPerCustomerPerWeek"] = "10",
    };
}

public class LimitTests(LimitedEngineFixture fixture) : IClassFixture<LimitedEngineFixture>
{
    [Fact]
    public async Task A_customer_gets_no_more_attempts_a_day_than_allowed_whichever_campaigns_call()
    {
        fixture.Telephony.Behavior = _ => CallScript.NotAnswered(Abstractions.Calls.CallEndReason.NoAnswer);
        var (area, ids) = await fixture.SeedAsync(1);
        var first = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        await EngineFixture.WaitForStatusAsync(first, CampaignStatus.Completed);
        var second = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        await EngineFixture.WaitForStatusAsync(second, CampaignStatus.Completed);

        var third = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        await Task.Delay(800);
        var progress = await third.GetProgressAsync();
        Assert.Equal((CampaignStatus.Running, 0, 1), (progress.Status, progress.Finished, progress.Queued));
        Assert.Equal(2, fixture.Telephony.Placed.Count(p => p.CustomerId == ids[0]));

        // The next day the customer may be called again.
        fixture.Clock.Offset += TimeSpan.FromDays(1);
        await third.PauseAsync();
        await third.ResumeAsync();
        await EngineFixture.WaitUntilAsync(() => Task.FromResult(fixture.Telephony.Placed.Count(p => p.CustomerId == ids[0]) == 3), "the third attempt", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_daily_call_budget_stops_dialling_for_the_day()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var (area, _) = await fixture.SeedAsync(10);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 3) with { MaxCallsPerDay = 4 });
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).Finished == 4, "four calls");
        await Task.Delay(600);

        var progress = await campaign.GetProgressAsync();
        Assert.Equal((4, 6, CampaignStatus.Running), (progress.Finished, progress.Queued, progress.Status));
        Assert.Equal(4, fixture.Telephony.Placed.Count(p => p.CallId.StartsWith(campaign.GetPrimaryKeyString())));
    }
}
