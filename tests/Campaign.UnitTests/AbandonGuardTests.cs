using Campaign.Abstractions.Campaigns;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;

namespace Campaign.UnitTests;

/// <summary>Answered calls in the abandoned-call rate, and the pause a running campaign puts itself in at the limit.</summary>
public class AbandonGuardTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    // At most 10% of answered calls abandoned, judged from 5 answered calls on.
    private static readonly AbandonRule Rule = new(TimeSpan.FromSeconds(2), 0.1, 5);

    private static CampaignState Running() => new() { Status = CampaignStatus.Running };

    [Fact]
    public void Answered_calls_under_the_limit_are_counted_and_the_campaign_runs_on()
    {
        var campaign = Running();

        for (var i = 0; i < 11; i++)
        {
            Assert.Null(AbandonGuard.Count(campaign, Rule, Now, abandoned: i == 10, firstAudioMs: 500));
        }

        Assert.Equal((11, 1), AbandonRule.Counts(campaign.Abandons, Now));
        Assert.Equal(CampaignStatus.Running, campaign.Status);
    }

    [Fact]
    public void A_running_campaign_at_the_limit_pauses_itself_saying_why()
    {
        var campaign = Running();
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(AbandonGuard.Count(campaign, Rule, Now, abandoned: i == 0, firstAudioMs: null));
        }

        var reason = AbandonGuard.Count(campaign, Rule, Now, abandoned: false, firstAudioMs: null);

        Assert.NotNull(reason);
        Assert.Equal((CampaignStatus.Paused, CampaignLifecycle.PausedByCompliance, reason), (campaign.Status, campaign.PausedBy, campaign.PausedReason));
    }

    [Fact]
    public void A_campaign_an_operator_paused_stays_paused_by_the_operator()
    {
        var campaign = Running();
        CampaignLifecycle.Apply(campaign, CampaignOperation.Pause, Now);

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(AbandonGuard.Count(campaign, Rule, Now, abandoned: true, firstAudioMs: null));
        }

        Assert.Equal((5, 5), AbandonRule.Counts(campaign.Abandons, Now));
        Assert.Equal((CampaignStatus.Paused, CampaignLifecycle.PausedByOperator), (campaign.Status, campaign.PausedBy));
    }
}
