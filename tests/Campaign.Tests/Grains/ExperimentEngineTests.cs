using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Experiments;
using Campaign.Abstractions.Scripts;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

/// <summary>A campaign trying two scripts: sticky variants across retries, a winner found as calls end, and promotion.</summary>
public class ExperimentEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task The_script_customers_warm_to_wins_the_other_stops_taking_customers_and_nobody_changes_script_on_a_retry()
    {
        var cold = (await fixture.Grains.GetGrain<IScriptGrain>("scr-cold-" + Guid.NewGuid().ToString("N")[..8]).CreateAsync(OutageScript.Definition())).ScriptId;
        var warm = (await fixture.Grains.GetGrain<IScriptGrain>("scr-warm-" + Guid.NewGuid().ToString("N")[..8]).CreateAsync(OutageScript.Definition())).ScriptId;
        var (area, ids) = await fixture.SeedAsync(120, "EX");
        var experiment = new ExperimentDefinition([new(cold, "Cold"), new(warm, "Warm")]);
        var campaignId = "cmp-" + Guid.NewGuid().ToString("N")[..10];

        // Who would hear the warm script were nothing stopped warms to it; every other customer declines. Every second
        // customer misses the first call and answers the retry. Answered calls last long enough for their reports to reach
        // the campaign while later customers still wait (with calls of 10 ms on a loaded machine, the whole first pass was
        // once dialled before the reports that decide the winner came in).
        var missFirst = ids.Where((_, i) => i % 2 == 1).ToHashSet();
        var warmToIt = ids.Where(id => VariantAssignment.Of(campaignId, id, experiment.Variants, []) == warm).ToHashSet();
        fixture.Telephony.Behavior = request =>
            request.Attempt == 1 && missFirst.Contains(request.CustomerId)
                ? CallScript.NotAnswered(CallEndReason.NoAnswer)
                : CallScript.Answer(TimeSpan.FromMilliseconds(150), warmToIt.Contains(request.CustomerId) ? "Yes, sure, tell me more." : "No thanks, I'm not interested.");
        var retry = new RetryPolicy(2, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(campaignId);
        await campaign.CreateAsync(EngineFixture.Definition(area, 10, retry) with { Experiment = experiment });
        await campaign.StartAsync();

        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);

        var decisions = done.Experiment!.State;
        Assert.Equal(warm, decisions.Winner);
        Assert.Equal(ExperimentState.Lost, decisions.Stopped[cold]);
        var calls = await fixture.CallsOfAsync(campaignId);
        Assert.All(calls.GroupBy(c => c.CustomerId), customer => Assert.Single(customer.Select(c => c.ScriptId).Distinct()));
        Assert.Contains(calls, c => c.Attempt == 2 && c.ScriptId == cold);
        var heardCold = calls.Where(c => c.ScriptId == cold).Select(c => c.CustomerId).ToHashSet();
        Assert.True(heardCold.Count < ids.Count - warmToIt.Count, $"{heardCold.Count} heard the cold script, as many as were first assigned it: none was moved after promotion");
        var tallies = done.Experiment.Tallies.ToDictionary(t => t.ScriptId);
        Assert.Equal(calls.Count, tallies.Values.Sum(t => t.Calls));
        Assert.Equal(heardCold.Count, tallies[cold].Customers);
        Assert.Equal(0, tallies[cold].Interested);
    }
}
