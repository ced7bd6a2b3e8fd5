using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;
using Campaign.UnitTests.Support;

namespace Campaign.UnitTests;

/// <summary>One dispatch pass: who is called, within the quota and the trunk's lines, and what it leaves the grain to do.</summary>
public class CampaignDispatcherTests
{
    [Fact]
    public async Task A_pass_calls_the_customers_next_in_line_up_to_the_quota()
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition(maxConcurrentCalls: 3));
        campaign.Due(5);

        Assert.Equal(DispatchStep.None, await campaign.Parts.Dispatcher.DispatchAsync());

        Assert.Equal(["c-1-a1", "c-2-a1", "c-3-a1"], campaign.Grains.Started);
        Assert.All([1L, 2L, 3L], seq => Assert.Equal(WorkItemState.InCall, campaign.Store[seq].State));
        Assert.Equal((3, 3, 2), (campaign.Parts.InFlight.Count, campaign.State.State.PeakInFlight, campaign.Parts.Queue.Waiting));
    }

    [Fact]
    public async Task Only_the_lines_the_trunk_grants_are_dialled_and_the_others_wait_in_line()
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition(maxConcurrentCalls: 3));
        campaign.Due(5);
        campaign.Grains.Lines = 1;

        await campaign.Parts.Dispatcher.DispatchAsync();

        Assert.Equal(["c-1-a1"], campaign.Grains.Started);
        Assert.Equal(WorkItemState.Pending, campaign.Store[2].State);
        Assert.Equal(4, campaign.Parts.Queue.Waiting);
    }

    [Fact]
    public async Task A_customer_the_call_refuses_is_settled_and_the_line_given_back()
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition());
        campaign.Due(1);
        campaign.Grains.StartResult = CallStartResult.DoNotCall;

        await campaign.Parts.Dispatcher.DispatchAsync();

        Assert.Equal((WorkItemState.Skipped, "doNotCall"), (campaign.Store[1].State, campaign.Store.ResultOf(1)));
        await campaign.Parts.Lines.GiveBackAsync(); // as the grain does after each pass
        Assert.Equal(["c-1-a1"], campaign.Grains.Released);
        Assert.Equal(0, campaign.Parts.InFlight.Count);
    }

    [Fact]
    public async Task The_lines_of_ended_calls_go_back_to_the_trunk_with_the_next_lease()
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition());
        campaign.Due(1);
        campaign.Parts.Lines.Ended("c-0-a1");

        await campaign.Parts.Dispatcher.DispatchAsync();

        Assert.Equal(["c-1-a1"], campaign.Grains.Started);
        Assert.Equal(["c-0-a1"], campaign.Grains.Released);
        Assert.Equal(0, campaign.Parts.Lines.Ending);
    }

    [Fact]
    public async Task A_closed_dial_gate_starts_no_call()
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition());
        campaign.Due(2);
        campaign.Gate.Close();

        Assert.Equal(DispatchStep.None, await campaign.Parts.Dispatcher.DispatchAsync());

        Assert.Empty(campaign.Grains.Started);
    }

    [Fact]
    public async Task A_campaign_with_nobody_left_to_call_and_no_live_call_completes()
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition());

        Assert.Equal(DispatchStep.Complete, await campaign.Parts.Dispatcher.DispatchAsync());
    }

    [Fact]
    public async Task A_campaign_waits_for_its_last_live_call_before_it_completes()
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition());
        campaign.Due(1);
        await campaign.Parts.Dispatcher.DispatchAsync();

        Assert.Equal(DispatchStep.None, await campaign.Parts.Dispatcher.DispatchAsync());
    }

    [Fact]
    public async Task A_cancelled_campaign_stops_once_its_last_live_call_is_gone()
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition());
        campaign.Due(1);
        await campaign.Parts.Dispatcher.DispatchAsync();
        campaign.State.State.Status = CampaignStatus.Cancelled;

        Assert.Equal(DispatchStep.None, await campaign.Parts.Dispatcher.DispatchAsync());

        campaign.Parts.InFlight.Remove("c-1-a1");
        Assert.Equal(DispatchStep.Stop, await campaign.Parts.Dispatcher.DispatchAsync());
    }

    [Theory]
    [InlineData(CampaignStatus.Paused, DispatchStep.None)]
    [InlineData(CampaignStatus.Cancelled, DispatchStep.Stop)]
    [InlineData(CampaignStatus.Completed, DispatchStep.Stop)]
    public async Task A_campaign_that_does_not_run_calls_no_one(CampaignStatus status, DispatchStep step)
    {
        using var campaign = new TestCampaign(TestCampaigns.Definition(), status);
        campaign.Due(1);

        Assert.Equal(step, await campaign.Parts.Dispatcher.DispatchAsync());

        Assert.Empty(campaign.Grains.Started);
    }
}
