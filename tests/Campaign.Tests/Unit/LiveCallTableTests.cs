using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;

namespace Campaign.Tests.Unit;

public class LiveCallTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static WorkItem Item(long seq, string customer) => new(seq, customer, "seg", WorkItemState.InCall, 0, T0, null);

    [Fact]
    public void Pages_oldest_first_with_the_progress_the_calls_reported()
    {
        var table = new LiveCallTable();
        table.Add("c2", Item(2, "cu-2"), T0.AddSeconds(2));
        table.Add("c1", Item(1, "cu-1"), T0.AddSeconds(1));
        table.Add("c3", Item(3, "cu-3"), T0.AddSeconds(3));

        Assert.True(table.Update(new CallProgress("c2", CallStatus.InProgress, T0, T0.AddSeconds(9), "Ana")));
        Assert.False(table.Update(new CallProgress("gone", CallStatus.Ringing, null, null, "Bo")));

        var page = table.Page(0, 2);
        Assert.Equal(3, page.Total);
        Assert.Equal(["c2", "c1"], page.Items.Select(c => c.CallId)); // c2 started at T0 by its own report
        Assert.Equal((CallStatus.InProgress, "Ana", 1), (page.Items[0].Status, page.Items[0].CustomerName, page.Items[0].Attempt));
        Assert.Equal(CallStatus.Dialing, page.Items[1].Status);

        Assert.True(table.Remove("c1"));
        Assert.Equal(["c3"], table.Page(1, 10).Items.Select(c => c.CallId));
    }
}
