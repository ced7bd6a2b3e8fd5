using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Scripts;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

public class CampaignScriptTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private async Task<string> SaveScriptAsync(ScriptDefinition definition)
    {
        var id = "scr-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<IScriptGrain>(id).CreateAsync(definition);
        return id;
    }

    [Fact]
    public async Task A_running_campaign_keeps_the_script_version_it_started_with()
    {
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(150), "Yes, tell me more.");
        var scriptId = await SaveScriptAsync(TestScripts.Valid());
        var (area, _) = await fixture.SeedAsync(6);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1) with { ScriptId = scriptId });

        await fixture.Grains.GetGrain<IScriptGrain>(scriptId).UpdateAsync(TestScripts.Valid("Outage follow-up, revised"));
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);

        var calls = await fixture.CallsOfAsync(campaign.GetPrimaryKeyString());
        Assert.Equal(6, calls.Count);
        Assert.All(calls, c => Assert.Equal((scriptId, 1), (c.ScriptId, c.ScriptVersion)));
    }

    [Fact]
    public async Task A_campaign_does_not_start_when_customers_lack_data_the_script_reads_out()
    {
        var script = TestScripts.Valid() with { Opening = "Hello {{customer.firstName}}, about your {{customer.attributes.meterType}} meter." };
        var scriptId = await SaveScriptAsync(script);
        var (area, _) = await fixture.SeedAsync(3);
        var grain = fixture.Grains.GetGrain<ICampaignGrain>("cmp-" + Guid.NewGuid().ToString("N")[..10]);
        await grain.CreateAsync(EngineFixture.Definition(area, 1) with { ScriptId = scriptId });

        var error = await Assert.ThrowsAsync<CampaignException>(() => grain.StartAsync());

        Assert.Equal("scriptId", error.Field);
        Assert.Contains("3 customer(s)", error.Message);
        Assert.Contains("{{customer.attributes.meterType}}", error.Message);
        Assert.Equal(CampaignStatus.Draft, (await grain.GetAsync())!.Status);
        Assert.Equal(0, (await grain.GetProgressAsync()).Audience);
    }

    [Fact]
    public async Task An_unknown_script_is_refused_when_the_campaign_is_created()
    {
        var (area, _) = await fixture.SeedAsync(1);
        var grain = fixture.Grains.GetGrain<ICampaignGrain>("cmp-" + Guid.NewGuid().ToString("N")[..10]);
        var error = await Assert.ThrowsAsync<CampaignException>(() => grain.CreateAsync(EngineFixture.Definition(area, 1) with { ScriptId = "scr-missing" }));
        Assert.Equal("scriptId", error.Field);
        Assert.Null(await grain.GetAsync());
    }
}
