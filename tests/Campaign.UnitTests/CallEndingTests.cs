using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.UnitTests.Support;

namespace Campaign.UnitTests;

/// <summary>A call's end: stored at once, reported once off the request path, reported again by the watchdog after a failure.</summary>
public class CallEndingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private readonly CallWorld _world = new(Now);

    private async Task PlacedAsync()
    {
        await _world.Placement.StartAsync(CallWorld.Request());
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task An_end_is_stored_at_once_and_reported_once_to_the_store_customer_trunk_and_campaign_after_the_request()
    {
        await PlacedAsync();
        var writes = _world.State.Writes;

        await _world.Ending.FinishAsync(CallResult.NoAnswer, null);
        await _world.Ending.FinishAsync(CallResult.Busy, "repeated by the provider");

        Assert.Equal((CallStatus.Ended, CallResult.NoAnswer, Now.AddMinutes(1)), (_world.Call.Status, _world.Call.Result, _world.Call.EndedAt));
        Assert.Equal(writes + 1, _world.State.Writes);
        Assert.Null(_world.Timers.DeadlineFrom);
        Assert.Empty(_world.Stored);

        await _world.Timers.RunSoonAsync();

        Assert.Equal(CallResult.NoAnswer, Assert.Single(_world.Stored).Result);
        Assert.Equal([CallWorld.CallId], _world.Announced);
        Assert.Equal([CallWorld.CallId], _world.CustomerCallsEnded);
        Assert.Empty(_world.TrunkReleased); // the campaign gives the line back with its next dial
        Assert.Equal((CallWorld.CallId, 1L), (Assert.Single(_world.CampaignReports).CallId, _world.CampaignReports[0].Seq));
        Assert.False(_world.State.RecordExists);
        Assert.Equal((1, 0), (_world.Deactivated, _world.Gate.LiveCalls));
    }

    [Fact]
    public async Task A_report_that_fails_keeps_the_concluded_outcome_and_the_watchdog_reports_it_later_without_concluding_again()
    {
        await PlacedAsync();
        _world.Call.Status = CallStatus.InProgress;
        _world.Call.AnsweredAt = Now;
        _world.ReportFails = true;

        await _world.Ending.FinishAsync(CallResult.Answered, null);
        await _world.Timers.RunSoonAsync();

        Assert.True(_world.State.RecordExists);
        Assert.Equal(Interest.Interested, _world.Call.Outcome!.Interest);
        Assert.Equal(0, _world.Deactivated);
        Assert.Contains(_world.Logger.Messages, m => m.Contains("store unavailable", StringComparison.Ordinal));

        _world.ReportFails = false;
        _world.Outcome = _world.Outcome with { Interest = Interest.NotInterested };
        await _world.Ending.CheckAsync();

        Assert.Equal(Interest.Interested, Assert.Single(_world.Stored).Outcome!.Interest);
        Assert.False(_world.State.RecordExists);
        Assert.Equal(1, _world.Deactivated);
    }

    [Theory]
    [InlineData(CallStatus.InProgress, CallResult.Answered)]
    [InlineData(CallStatus.Ringing, CallResult.Failed)]
    public async Task The_watchdog_ends_a_call_the_provider_no_longer_has(CallStatus status, CallResult expected)
    {
        await PlacedAsync();
        _world.Call.Status = status;
        _world.ProviderHasCall = false;

        await _world.Ending.CheckAsync();

        Assert.Equal((CallStatus.Ended, expected, "interrupted: the call was lost with its silo"), (_world.Call.Status, _world.Call.Result, _world.Call.Note));
        Assert.Equal(1, _world.Timers.Pending);
    }

    [Fact]
    public async Task The_watchdog_leaves_a_live_call_alone()
    {
        await PlacedAsync();
        var writes = _world.State.Writes;

        await _world.Ending.CheckAsync();

        Assert.Equal((CallStatus.Dialing, writes, 0), (_world.Call.Status, _world.State.Writes, _world.Timers.Pending));
    }
}
