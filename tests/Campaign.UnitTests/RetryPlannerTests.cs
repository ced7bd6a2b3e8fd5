using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

public class RetryPlannerTests
{
    private static readonly RetryPolicy Policy = new(3, TimeSpan.FromHours(2), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(4));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly RetryPlanner _planner = new(new CampaignOptions
    {
        CustomerBusyDelay = TimeSpan.FromMinutes(1),
        OutsideHoursRecheck = TimeSpan.FromMinutes(15),
    });

    private DateTimeOffset Now => _clock.GetUtcNow();

    private static CallReport Report(CallResult result, int attempt = 1, CallOutcome? outcome = null) => new("cmp-1-1-a1", 1, attempt, result, outcome);

    private static CallOutcome CallbackAt(DateTimeOffset at, bool optedOut = false) =>
        new(Interest.Interested, [], new FollowUp(FollowUpKind.Callback, at), "", optedOut, null, null);

    [Theory]
    [InlineData(CallResult.Busy, 15)]
    [InlineData(CallResult.NoAnswer, 120)]
    [InlineData(CallResult.Failed, 30)]
    [InlineData(CallResult.Voicemail, 240)]
    public void An_unanswered_attempt_is_retried_after_the_policys_delay_for_its_result(CallResult result, int minutes)
    {
        var settlement = RetryPlanner.AfterCall(Report(result), Policy, campaignCancelled: false, Now);

        Assert.Equal(new Settlement(WorkItemState.Pending, result.ToString(), Now.AddMinutes(minutes), CountsAttempt: true), settlement);
    }

    [Fact]
    public void The_attempt_limit_stops_retries()
    {
        Assert.Equal(WorkItemState.Pending, RetryPlanner.AfterCall(Report(CallResult.Busy, attempt: 2), Policy, false, Now).State);

        var last = RetryPlanner.AfterCall(Report(CallResult.Busy, attempt: 3), Policy, false, Now);

        Assert.Equal(new Settlement(WorkItemState.Done, "Busy", null, CountsAttempt: true), last);
    }

    [Fact]
    public void An_answered_call_is_done_and_a_cancelled_campaign_retries_no_one()
    {
        Assert.Equal(new Settlement(WorkItemState.Done, "Answered", null, true), RetryPlanner.AfterCall(Report(CallResult.Answered), Policy, false, Now));
        Assert.Equal(WorkItemState.Done, RetryPlanner.AfterCall(Report(CallResult.NoAnswer), Policy, campaignCancelled: true, Now).State);
        Assert.Equal(WorkItemState.Done, RetryPlanner.AfterCall(Report(CallResult.Answered, outcome: CallbackAt(Now.AddDays(1))), Policy, true, Now).State);
    }

    [Fact]
    public void A_requested_callback_is_dialled_at_its_time_even_past_the_attempt_limit_but_not_forever()
    {
        var at = Now.AddDays(1);

        Assert.Equal(at, RetryPlanner.AfterCall(Report(CallResult.Answered, outcome: CallbackAt(at)), Policy, false, Now).DueAt);
        Assert.Equal(at, RetryPlanner.AfterCall(Report(CallResult.Answered, attempt: 4, outcome: CallbackAt(at)), Policy, false, Now).DueAt);
        Assert.Null(RetryPlanner.AfterCall(Report(CallResult.Answered, attempt: 5, outcome: CallbackAt(at)), Policy, false, Now).DueAt);
    }

    [Fact]
    public void A_customer_who_opted_out_is_not_called_back()
    {
        var settlement = RetryPlanner.AfterCall(Report(CallResult.Answered, outcome: CallbackAt(Now.AddDays(1), optedOut: true)), Policy, false, Now);

        Assert.Equal(WorkItemState.Done, settlement.State);
    }

    [Fact]
    public void Refusals_at_dial_time_skip_for_good_or_wait_without_counting_an_attempt()
    {
        Assert.Equal(new Settlement(WorkItemState.Skipped, "doNotCall", null, false), _planner.AfterStart(CallStartResult.DoNotCall, Now));
        Assert.Equal(new Settlement(WorkItemState.Skipped, "consent", null, false), _planner.AfterStart(CallStartResult.ConsentMissing, Now));
        Assert.Equal(new Settlement(WorkItemState.Skipped, "unknownCustomer", null, false), _planner.AfterStart(CallStartResult.UnknownCustomer, Now));
        Assert.Equal(new Settlement(WorkItemState.Skipped, "timeZoneUnknown", null, false), _planner.AfterStart(CallStartResult.TimeZoneUnknown, Now));
        Assert.Equal(new Settlement(WorkItemState.Pending, "customerBusy", Now.AddMinutes(1), false), _planner.AfterStart(CallStartResult.CustomerBusy, Now));
        Assert.Equal(new Settlement(WorkItemState.Pending, "outsideCallingHours", Now.AddMinutes(15), false), _planner.AfterStart(CallStartResult.OutsideCallingHours, Now));
        Assert.Equal(new Settlement(WorkItemState.Pending, "outsideCampaignWindow", Now.AddMinutes(15), false), _planner.AfterStart(CallStartResult.OutsideCampaignWindow, Now));
        Assert.Equal(new Settlement(WorkItemState.Pending, "attemptLimitReached", Now.AddHours(1), false), _planner.AfterStart(CallStartResult.AttemptLimitReached, Now));
        Assert.Null(_planner.AfterStart(CallStartResult.Placed, Now));
        Assert.Null(_planner.AfterStart(CallStartResult.AlreadyEnded, Now));
    }

    [Fact]
    public void A_failed_start_waits_briefly_and_a_dial_caught_by_a_pause_or_cancel_is_put_back_or_cancelled()
    {
        Assert.Equal(new Settlement(WorkItemState.Pending, "startFailed", Now.AddMinutes(1), false), _planner.StartFailed(Now));
        Assert.Equal(new Settlement(WorkItemState.Pending, "callStillEnding", Now.AddMinutes(1), false), _planner.StillEnding(Now));
        Assert.Equal(new Settlement(WorkItemState.Pending, "paused", Now, false), RetryPlanner.Undialled(CampaignStatus.Paused, Now));
        Assert.Equal(new Settlement(WorkItemState.Cancelled, "campaignCancelled", null, false), RetryPlanner.Undialled(CampaignStatus.Cancelled, Now));
        Assert.Equal(new Settlement(WorkItemState.Pending, null, Now, false), RetryPlanner.NeverPlaced(Now));
    }

    [Fact]
    public void Retries_fall_due_by_the_clock()
    {
        var dueAt = RetryPlanner.AfterCall(Report(CallResult.Busy), Policy, false, Now).DueAt!.Value;

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.True(dueAt > Now);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(dueAt <= Now);
    }
}
