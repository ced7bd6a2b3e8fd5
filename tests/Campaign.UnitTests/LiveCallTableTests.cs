using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;

namespace Campaign.UnitTests;

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

    [Fact]
    public void The_order_holds_through_many_notices_and_ends()
    {
        var table = new LiveCallTable();
        var random = new Random(7);
        var since = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < 2_000; i++)
        {
            var id = $"c{i}";
            since[id] = T0.AddMilliseconds(random.Next(100_000));
            table.Add(id, Item(i, $"cu-{i}"), since[id]);
        }

        for (var i = 0; i < 5_000; i++)
        {
            var id = $"c{random.Next(2_000)}";
            if (random.Next(5) == 0)
            {
                table.Remove(id);
                since.Remove(id);
            }
            else if (since.ContainsKey(id))
            {
                since[id] = T0.AddMilliseconds(random.Next(100_000));
                table.Update(new CallProgress(id, CallStatus.InProgress, since[id], null, null));
            }
        }

        var expected = since.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        Assert.Equal(expected.Count, table.Count);
        Assert.Equal(expected.Skip(100).Take(50), table.Page(100, 50).Items.Select(c => c.CallId));
        Assert.Equal(expected, table.Page(0, int.MaxValue).Items.Select(c => c.CallId));
    }
}
