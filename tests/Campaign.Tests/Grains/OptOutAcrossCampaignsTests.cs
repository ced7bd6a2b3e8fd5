using Campaign.Abstractions.Campaigns;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public class OptOutAcrossCampaignsTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task An_opt_out_in_one_campaign_stops_a_call_queued_in_another()
    {
        var (area, ids) = await fixture.SeedAsync(3);
        var optingOut = ids[2];
        fixture.Telephony.Behavior = request => request.CustomerId == optingOut
            ? CallScript.Answer(TimeSpan.FromMilliseconds(10), "Please stop calling me. Take me off your list.")
            : CallScript.Answer(TimeSpan.FromMilliseconds(300), "Yes, tell me more.");

        // Both campaigns snapshot the customer before anyone calls; they call one customer at a time, this one last.
        var first = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        var second = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        var doneFirst = await EngineFixture.WaitForStatusAsync(first, CampaignStatus.Completed);
        var doneSecond = await EngineFixture.WaitForStatusAsync(second, CampaignStatus.Completed);

        // Whichever campaign reached the customer first heard the opt-out; the other never dialled the number.
        var call = Assert.Single(fixture.Telephony.Placed, p => p.CustomerId == optingOut);
        var (caller, other) = call.CallId.StartsWith(first.GetPrimaryKeyString()) ? (doneFirst, doneSecond) : (doneSecond, doneFirst);
        Assert.Equal((3, 0), (caller.Finished, caller.Skipped));
        Assert.Equal((2, 1), (other.Finished, other.Skipped));
    }

    [Fact]
    public async Task A_streamed_opt_out_is_listed_before_the_first_word_of_the_reply_and_stops_the_other_campaign()
    {
        var (area, ids) = await fixture.SeedAsync(2);
        var optingOut = ids[1];
        fixture.Telephony.Behavior = request => request.CustomerId == optingOut
            ? CallScript.Answer(TimeSpan.FromMilliseconds(10), "Please stop calling me. Take me off your list.") with { Streamed = true }
            : CallScript.Answer(TimeSpan.FromMilliseconds(300), "Yes, tell me more.") with { Streamed = true };

        var first = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        var second = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        await EngineFixture.WaitForStatusAsync(first, CampaignStatus.Completed);
        await EngineFixture.WaitForStatusAsync(second, CampaignStatus.Completed);

        var call = Assert.Single(fixture.Telephony.Placed, p => p.CustomerId == optingOut);
        Assert.True(fixture.Telephony.DoNotCallAtFirstWord[(call.CallId, 1)], "the customer was callable while the agent answered the opt-out");
        var others = fixture.Telephony.Placed.Where(p => p.CustomerId == ids[0]).Select(p => fixture.Telephony.DoNotCallAtFirstWord[(p.CallId, 1)]);
        Assert.Equal([false, false], others);
    }
}
