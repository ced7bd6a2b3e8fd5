using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Campaign.UnitTests.Support;

namespace Campaign.UnitTests;

/// <summary>The start of an attempt: written before it is dialled, decided by the customer's grain, dialled once.</summary>
public class CallPlacementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private readonly CallWorld _world = new(Now);

    [Fact]
    public async Task A_start_writes_the_call_before_dialling_then_keeps_the_providers_id_and_a_repeat_dials_nothing()
    {
        Assert.Equal(CallStartResult.Placed, await _world.Placement.StartAsync(CallWorld.Request()));

        var (dialled, writesBefore) = Assert.Single(_world.Dials);
        Assert.Equal(1, writesBefore);
        Assert.Equal(("+12125550100", "+15550100", TimeSpan.FromSeconds(30)), (dialled.To, dialled.From, dialled.RingTimeout));
        Assert.Equal((CallStatus.Dialing, "CA-1", Now), (_world.Call.Status, _world.Call.ProviderCallId, _world.Call.StartedAt));
        Assert.Equal(2, _world.State.Writes);
        Assert.Equal(Now, _world.Timers.DeadlineFrom);
        Assert.Equal(1, _world.Gate.LiveCalls);
        Assert.Equal(CallStatus.Dialing, Assert.Single(_world.Progress).Status);

        // The customer is held for the whole call and a minute more: ring time plus the campaign's maximum duration.
        Assert.Equal(Now + TimeSpan.FromSeconds(30) + TimeSpan.FromMinutes(6), Assert.Single(_world.DialRequests).HoldUntil);

        Assert.Equal(CallStartResult.Placed, await _world.Placement.StartAsync(CallWorld.Request()));
        Assert.Single(_world.Dials);
        Assert.Single(_world.DialRequests);
    }

    [Theory]
    [InlineData(CallStartResult.DoNotCall, CallStartResult.DoNotCall)]
    [InlineData(CallStartResult.CustomerBusy, CallStartResult.CustomerBusy)]
    [InlineData(CallStartResult.Placed, CallStartResult.UnknownCustomer)]
    public async Task A_customer_the_rules_refuse_or_who_is_gone_is_not_dialled_and_leaves_no_call(CallStartResult verdict, CallStartResult expected)
    {
        _world.Verdict = new DialVerdict(verdict, null, null);

        Assert.Equal(expected, await _world.Placement.StartAsync(CallWorld.Request()));

        Assert.Empty(_world.Dials);
        Assert.False(_world.State.RecordExists);
        Assert.Equal(0, _world.Gate.LiveCalls);
    }

    [Fact]
    public async Task A_call_already_stored_as_ended_is_not_started_again()
    {
        _world.Stored.Add(_world.Call.ToRecord(CallWorld.CallId));

        Assert.Equal(CallStartResult.AlreadyEnded, await _world.Placement.StartAsync(CallWorld.Request()));

        Assert.Empty(_world.DialRequests);
    }

    [Fact]
    public async Task A_dial_the_provider_refuses_ends_the_call_as_failed_with_the_reason_and_reports_it_after_the_request()
    {
        _world.DialFault = new HttpRequestException("trunk down");

        Assert.Equal(CallStartResult.Placed, await _world.Placement.StartAsync(CallWorld.Request()));

        Assert.Equal((CallStatus.Ended, CallResult.Failed, "dialling failed: trunk down"), (_world.Call.Status, _world.Call.Result, _world.Call.Note));
        Assert.Null(_world.Call.ProviderCallId);
        Assert.Null(_world.Timers.DeadlineFrom);
        Assert.Empty(_world.CampaignReports);

        await _world.Timers.RunSoonAsync();

        Assert.Equal(CallResult.Failed, Assert.Single(_world.CampaignReports).Result);
        Assert.Equal(0, _world.Gate.LiveCalls);
    }
}
