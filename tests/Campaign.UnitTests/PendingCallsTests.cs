using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;

namespace Campaign.UnitTests;

public class PendingCallsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 52, 30, TimeSpan.Zero);

    // "open" zone: always; "nine" zone: 09:00–21:00 UTC every day; "never": never.
    private static bool IsOpen(string zone, DateTimeOffset at) => zone switch
    {
        "open" => true,
        "nine" => at.Hour is >= 9 and < 21,
        _ => false,
    };

    private static WorkItem Item(string customer, string zone, DateTimeOffset due, int attempts = 0) =>
        new(1, customer, "seg", WorkItemState.Pending, attempts, due, null, zone);

    [Fact]
    public void A_due_customer_in_calling_hours_is_next_in_line_and_a_later_retry_waits_for_its_time()
    {
        var pending = PendingCalls.Explain([Item("a", "open", Now.AddMinutes(-5)), Item("b", "open", Now.AddMinutes(20), attempts: 1)], Now, IsOpen);

        Assert.Equal(new PendingCall("a", "seg", 1, Now.AddMinutes(-5), PendingReason.NextInLine, Now), pending[0]);
        Assert.Equal(new PendingCall("b", "seg", 2, Now.AddMinutes(20), PendingReason.Retry, Now.AddMinutes(20)), pending[1]);
    }

    [Fact]
    public void A_customer_outside_calling_hours_waits_until_the_minute_they_open()
    {
        var pending = PendingCalls.Explain([Item("c", "nine", Now), Item("d", "nine", Now.AddHours(15), attempts: 2)], Now, IsOpen);

        Assert.Equal((PendingReason.CallingHours, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)), (pending[0].Reason, pending[0].CallableFrom));
        Assert.Equal((PendingReason.CallingHours, new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), 3), (pending[1].Reason, pending[1].CallableFrom, pending[1].Attempt));
    }

    [Fact]
    public void Hours_that_never_open_within_the_horizon_have_no_time()
    {
        Assert.Null(PendingCalls.Explain([Item("e", "never", Now)], Now, IsOpen).Single().CallableFrom);
        Assert.Null(PendingCalls.NextOpening(_ => false, Now));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 3, 0, TimeSpan.Zero), PendingCalls.NextOpening(t => t >= new DateTimeOffset(2026, 12, 7, 7, 3, 0, TimeSpan.Zero), Now));
    }
}
