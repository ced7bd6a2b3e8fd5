using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;
using Campaign.UnitTests.Support;

namespace Campaign.UnitTests;

/// <summary>A campaign's writes to its work list, and the progress kept between reads.</summary>
public class CampaignWorkListTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly InMemoryWorkListStore _store = new();

    [Fact]
    public async Task A_settlement_writes_its_state_result_due_time_and_whether_the_attempt_counts()
    {
        var work = new CampaignWorkList(_store, "c");
        _store.Add(1, Now);
        _store.Add(2, Now);
        await work.MarkDialingAsync(1, "call-1");
        await work.MarkDialingAsync(2, "call-2");

        Assert.True(await work.SettleAsync(1, "call-1", Settlement.Called("NoAnswer", Now.AddHours(2))));
        Assert.True(await work.SettleAsync(2, "call-2", Settlement.Requeued("customerBusy", Now.AddMinutes(1))));
        Assert.False(await work.SettleAsync(1, "call-1", Settlement.Called("Answered", null))); // already settled

        Assert.Equal((WorkItemState.Pending, 1, Now.AddHours(2), "NoAnswer"), (_store[1].State, _store[1].Attempts, _store[1].DueAt, _store.ResultOf(1)));
        Assert.Equal((WorkItemState.Pending, 0, Now.AddMinutes(1), "customerBusy"), (_store[2].State, _store[2].Attempts, _store[2].DueAt, _store.ResultOf(2)));
    }

    [Fact]
    public async Task Every_write_makes_the_next_progress_read_count_again()
    {
        var work = new CampaignWorkList(_store, "c");
        _store.Add(1, Now);
        _store.Add(2, Now);

        Assert.Equal(2, (await work.Progress.GetAsync(Now)).Counts.Pending);
        Assert.Equal(2, (await work.Progress.GetAsync(Now)).Counts.Pending);
        Assert.Equal(1, _store.CountReads);

        await work.MarkDialingAsync(1, "call-1");
        var counts = (await work.Progress.GetAsync(Now)).Counts;

        Assert.Equal((1, 1), (counts.Pending, counts.InCall));
        Assert.Equal(2, _store.CountReads);

        await work.DeferAsync(2, Now.AddHours(1), CampaignTiming.Held);
        await work.Progress.GetAsync(Now);
        await work.CancelPendingAsync();
        Assert.Equal(0, (await work.Progress.GetAsync(Now)).Counts.Pending);
        Assert.Equal(4, _store.CountReads);
    }

    [Fact]
    public async Task The_list_is_finished_when_no_customer_is_pending_or_in_a_call()
    {
        var work = new CampaignWorkList(_store, "c");
        _store.Add(1, Now);
        await work.MarkDialingAsync(1, "call-1");
        Assert.False(await work.IsFinishedAsync(Now));

        await work.SettleAsync(1, "call-1", Settlement.Called("Answered", null));

        Assert.True(await work.IsFinishedAsync(Now));
    }
}
