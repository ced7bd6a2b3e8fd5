using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public class CallbackTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_callback_asked_for_in_the_conversation_is_made_at_the_requested_local_time()
    {
        var script = await fixture.Grains.GetGrain<IScriptGrain>("scr-cb-" + Guid.NewGuid().ToString("N")[..8]).CreateAsync(OutageScript.Definition());
        var (area, ids) = await fixture.SeedAsync(1);
        fixture.Telephony.Behavior = request => request.Attempt == 1
            ? CallScript.Answer(TimeSpan.FromMilliseconds(10), "I'm busy right now. Can you call me back tomorrow at 5 pm?")
            : CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, sure, tell me more.", "No, nothing really.", "Yes please, send me more information.", "Okay, goodbye.");
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var today = TimeZoneInfo.ConvertTime(fixture.Clock.GetUtcNow(), newYork).Date;

        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1) with { ScriptId = script.ScriptId });
        await EngineFixture.WaitUntilAsync(async () => (await campaign.GetProgressAsync()).RetriesPending == 1, "the callback is scheduled");
        var requested = (await fixture.CallsOfAsync(campaign.GetPrimaryKeyString())).Single().Outcome!.FollowUp.At!.Value;
        Assert.Equal(new DateTime(today.Year, today.Month, today.Day, 17, 0, 0).AddDays(1), TimeZoneInfo.ConvertTime(requested, newYork).DateTime);

        // A minute before the time asked for, nothing happens; at the time, the customer is called.
        fixture.Clock.Set(requested.AddMinutes(-1));
        await Task.Delay(600);
        Assert.Single(fixture.Telephony.Placed, p => p.CustomerId == ids[0]);
        fixture.Clock.Set(requested.AddSeconds(1));
        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);

        Assert.Equal(1, done.Finished);
        var second = (await fixture.CallsOfAsync(campaign.GetPrimaryKeyString())).Single(c => c.Attempt == 2);
        Assert.True(second.StartedAt >= requested);
        Assert.Equal(FollowUpKind.MoreInfo, second.Outcome!.FollowUp.Kind);
    }
}
