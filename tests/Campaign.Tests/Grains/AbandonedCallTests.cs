using Campaign.Abstractions.Campaigns;
using Campaign.Tests.Support;

namespace Campaign.Tests.Grains;

/// <summary>An engine whose campaigns may pause on their abandoned-call rate after three answered calls.</summary>
public sealed class AbandonFixture : EngineFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Compliance:AbandonMinAnsweredCalls"] = "3",
    };
}

public class AbandonedCallTests(AbandonFixture fixture) : IClassFixture<AbandonFixture>
{
    [Fact]
    public async Task A_campaign_whose_calls_are_silent_pauses_itself_with_the_reason_and_dials_no_one_else()
    {
        var (area, _) = await fixture.SeedAsync(8);
        fixture.Telephony.ReportsFirstAudio = true;
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.") with { Silent = true };

        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        var progress = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Paused);

        var id = campaign.GetPrimaryKeyString();
        var info = await campaign.GetAsync();
        Assert.Equal("compliance", info!.PausedBy);
        Assert.Equal("abandoned-call rate 100% over the last 30 days (3 of 3 answered calls) reached the limit of 3%", info.PausedReason);
        Assert.Equal(("compliance", info.PausedReason, 1.0), (progress.PausedBy, progress.PausedReason, progress.AbandonRate));
        Assert.Equal(3, fixture.Telephony.Placed.Count(p => p.CallId.StartsWith(id + "-", StringComparison.Ordinal)));
        Assert.Equal((0, 5), (progress.InFlight, progress.Queued));
        var calls = await fixture.CallsOfAsync(id);
        Assert.All(calls, c => Assert.Equal((true, (int?)null), (c.Abandoned, c.FirstAudioMs)));
        Assert.Equal(3, calls.Count);
    }

    [Fact]
    public async Task A_campaign_whose_agent_is_heard_at_once_records_the_time_to_first_audio_and_completes()
    {
        var (area, _) = await fixture.SeedAsync(4);
        fixture.Telephony.ReportsFirstAudio = false;
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, tell me more.");

        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 2));
        var progress = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);

        var calls = await fixture.CallsOfAsync(campaign.GetPrimaryKeyString());
        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.False(c.Abandoned));
        Assert.All(calls, c => Assert.NotNull(c.FirstAudioMs));
        Assert.Equal(0, progress.AbandonRate);
        Assert.Null((await campaign.GetAsync())!.PausedBy);
    }
}
