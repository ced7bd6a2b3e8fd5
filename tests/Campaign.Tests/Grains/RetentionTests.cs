using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Privacy;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

/// <summary>Transcripts and decisions are deleted once past their retention, and not before.</summary>
public class RetentionTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Transcripts_go_after_a_year_and_decisions_after_five_keeping_the_calls_outcome()
    {
        var (area, ids) = await fixture.SeedAsync(1, "R");
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");
        var start = new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);
        fixture.Clock.Set(start);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        var callId = (await fixture.CallsOfAsync(campaign.GetPrimaryKeyString())).Single().Id;
        var retention = fixture.Grains.GetGrain<IRetentionGrain>(IRetentionGrain.Key);

        fixture.Clock.Set(start.AddDays(300));
        await retention.RunOnceAsync();
        Assert.NotEmpty((await fixture.Calls.GetAsync(callId))!.Transcript);

        fixture.Clock.Set(start.AddDays(366));
        Assert.True((await retention.RunOnceAsync()).TranscriptsDeleted >= 1);
        var record = await fixture.Calls.GetAsync(callId);
        Assert.Empty(record!.Transcript);
        Assert.NotNull(record.Outcome);
        Assert.Contains("transcript deleted after 365 days", record.Note);
        Assert.Empty((await fixture.Grains.GetGrain<Abstractions.Calls.ICallGrain>(callId).GetAsync())!.Transcript);
        Assert.Equal(1, (await fixture.Decisions.ForCustomerAsync(ids[0], 0, 10)).Total);

        fixture.Clock.Set(start.AddDays(1827));
        Assert.True((await retention.RunOnceAsync()).DecisionsDeleted >= 1);
        Assert.Equal(0, (await fixture.Decisions.ForCustomerAsync(ids[0], 0, 10)).Total);
    }
}
