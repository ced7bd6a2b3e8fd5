using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

/// <summary>A campaign with a real script, over scripted telephony: the call records carry what the customers said.</summary>
public class ConversationEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Call_records_carry_interest_concerns_and_follow_up_from_the_script_conversation()
    {
        var script = await fixture.Grains.GetGrain<IScriptGrain>("scr-conv-" + Guid.NewGuid().ToString("N")[..8]).CreateAsync(OutageScript.Definition());
        var (area, ids) = await fixture.SeedAsync(4);
        var order = ids.ToList();
        fixture.Telephony.Behavior = request => order.IndexOf(request.CustomerId) switch
        {
            0 => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, sure, tell me more.", "I'm worried about power cuts at night.", "Yes please, send me more information.", "Okay, goodbye."),
            1 => CallScript.Answer(TimeSpan.FromMilliseconds(10), "I'm busy right now. Can you call me back tomorrow at 5 pm?"),
            2 => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Maybe, I'm not sure yet.", "No, nothing really.", "Yes.", "No.", "No, that's fine."),
            _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Please stop calling me. Take me off your list."),
        };
        var before = fixture.Clock.GetUtcNow();

        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 4) with { ScriptId = script.ScriptId });
        var id = campaign.GetPrimaryKeyString();

        // The callback the customer asked for is the customer's next attempt, due tomorrow: the campaign waits for it.
        await EngineFixture.WaitUntilAsync(
            async () => await campaign.GetProgressAsync() is { Status: CampaignStatus.Running, Finished: 3, RetriesPending: 1, InFlight: 0 },
            "three customers are done and one waits for the callback they asked for");
        await campaign.CancelAsync();
        var calls = (await fixture.CallsOfAsync(id)).ToDictionary(c => c.CustomerId);
        Assert.All(calls.Values, c => Assert.StartsWith(OutageScript.Disclosure, c.Transcript[0].Text));
        Assert.All(calls.Values, c => Assert.Equal(CallResult.Answered, c.Result));
        Assert.All(calls.Values, c => Assert.True(c.Outcome!.LocalHour is not null && c.Outcome.Weekday is not null));

        var interested = calls[ids[0]].Outcome!;
        Assert.Equal((Interest.Interested, FollowUpKind.MoreInfo), (interested.Interest, interested.FollowUp.Kind));
        Assert.Equal(["power cuts at night"], interested.Concerns);
        Assert.Equal(9, calls[ids[0]].Transcript.Count);

        var callback = calls[ids[1]].Outcome!;
        Assert.Equal(FollowUpKind.Callback, callback.FollowUp.Kind);
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var at = TimeZoneInfo.ConvertTime(callback.FollowUp.At!.Value, newYork);
        Assert.Equal((17, 0), (at.Hour, at.Minute));
        Assert.Equal(TimeZoneInfo.ConvertTime(before, newYork).Date.AddDays(1), at.Date);

        var neutral = calls[ids[2]].Outcome!;
        Assert.Equal((Interest.Neutral, FollowUpKind.None), (neutral.Interest, neutral.FollowUp.Kind));
        Assert.Empty(neutral.Concerns);

        var optedOut = calls[ids[3]].Outcome!;
        Assert.Equal((true, Interest.NotInterested, FollowUpKind.LeaveAlone), (optedOut.OptedOut, optedOut.Interest, optedOut.FollowUp.Kind));
        Assert.True((await fixture.Grains.GetGrain<ICustomerGrain>(ids[3]).GetAsync())!.DoNotCall);
        Assert.All(calls.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.Outcome!.Summary)));
    }
}
