using Campaign.Abstractions.Campaigns;
using Campaign.Grains.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

public class CampaignLifecycleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    public static TheoryData<CampaignOperation, CampaignStatus, CampaignStatus> Allowed => new()
    {
        { CampaignOperation.Start, CampaignStatus.Draft, CampaignStatus.Running },
        { CampaignOperation.Start, CampaignStatus.Scheduled, CampaignStatus.Running },
        { CampaignOperation.Pause, CampaignStatus.Running, CampaignStatus.Paused },
        { CampaignOperation.CompliancePause, CampaignStatus.Running, CampaignStatus.Paused },
        { CampaignOperation.Resume, CampaignStatus.Paused, CampaignStatus.Running },
        { CampaignOperation.Complete, CampaignStatus.Running, CampaignStatus.Completed },
        { CampaignOperation.Cancel, CampaignStatus.Draft, CampaignStatus.Cancelled },
        { CampaignOperation.Cancel, CampaignStatus.Scheduled, CampaignStatus.Cancelled },
        { CampaignOperation.Cancel, CampaignStatus.Running, CampaignStatus.Cancelled },
        { CampaignOperation.Cancel, CampaignStatus.Paused, CampaignStatus.Cancelled },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_operation_leads_from_the_statuses_it_allows_to_its_status(CampaignOperation operation, CampaignStatus from, CampaignStatus to)
    {
        var campaign = new CampaignState { Status = from };

        CampaignLifecycle.Ensure(from, operation);
        CampaignLifecycle.Apply(campaign, operation, _clock.GetUtcNow());

        Assert.Equal(to, campaign.Status);
    }

    [Fact]
    public void Every_other_pair_is_refused_as_a_conflict()
    {
        var allowed = Allowed.Select(row => ((CampaignOperation)row[0], (CampaignStatus)row[1])).ToHashSet();
        foreach (var operation in Enum.GetValues<CampaignOperation>())
        {
            foreach (var status in Enum.GetValues<CampaignStatus>())
            {
                Assert.Equal(allowed.Contains((operation, status)), CampaignLifecycle.Allows(status, operation));
                if (!allowed.Contains((operation, status)))
                {
                    Assert.True(Assert.Throws<CampaignException>(() => CampaignLifecycle.Ensure(status, operation)).Conflict);
                }
            }
        }
    }

    [Fact]
    public void The_refusals_tell_the_operator_what_is_allowed()
    {
        Assert.Equal("the campaign is running; only a draft or scheduled campaign can start",
            Assert.Throws<CampaignException>(() => CampaignLifecycle.Ensure(CampaignStatus.Running, CampaignOperation.Start)).Message);
        Assert.Equal("only a running campaign can pause; this one is draft",
            Assert.Throws<CampaignException>(() => CampaignLifecycle.Ensure(CampaignStatus.Draft, CampaignOperation.Pause)).Message);
        Assert.Equal("only a paused campaign can resume; this one is running",
            Assert.Throws<CampaignException>(() => CampaignLifecycle.Ensure(CampaignStatus.Running, CampaignOperation.Resume)).Message);
        Assert.Equal("the campaign is already completed",
            Assert.Throws<CampaignException>(() => CampaignLifecycle.Ensure(CampaignStatus.Completed, CampaignOperation.Cancel)).Message);
    }

    [Fact]
    public void A_pause_says_who_paused_and_why_and_a_resume_clears_it()
    {
        var campaign = new CampaignState { Status = CampaignStatus.Running };

        CampaignLifecycle.Apply(campaign, CampaignOperation.CompliancePause, _clock.GetUtcNow(), "abandoned-call rate over 3%");
        Assert.Equal(("compliance", "abandoned-call rate over 3%"), (campaign.PausedBy, campaign.PausedReason));

        CampaignLifecycle.Apply(campaign, CampaignOperation.Resume, _clock.GetUtcNow());
        Assert.Equal((null, null), (campaign.PausedBy, campaign.PausedReason));

        CampaignLifecycle.Apply(campaign, CampaignOperation.Pause, _clock.GetUtcNow());
        Assert.Equal(("operator", null), (campaign.PausedBy, campaign.PausedReason));
    }

    [Fact]
    public void Starting_and_ending_are_timed_by_the_clock()
    {
        var campaign = new CampaignState { Status = CampaignStatus.Draft };
        var started = _clock.GetUtcNow();

        CampaignLifecycle.Apply(campaign, CampaignOperation.Start, started);
        _clock.Advance(TimeSpan.FromHours(3));
        CampaignLifecycle.Apply(campaign, CampaignOperation.Complete, _clock.GetUtcNow());

        Assert.Equal((started, started.AddHours(3)), (campaign.StartedAt, campaign.EndedAt));
    }
}
