using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;

namespace Campaign.UnitTests;

public class WorkListProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private sealed class CountingStore
    {
        public int Reads { get; private set; }

        public int Pending { get; set; } = 10;

        public TaskCompletionSource? Gate { get; set; }

        public async Task<WorkListSnapshot> ReadAsync(DateTimeOffset now)
        {
            Reads++;
            var pending = Pending;
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            return new WorkListSnapshot(new WorkListCounts(pending, pending, pending, 0, 0, 0, 0, 0), new Dictionary<string, int>(), new Dictionary<string, int>());
        }
    }

    [Fact]
    public async Task Reads_between_writes_cost_one_count()
    {
        var store = new CountingStore();
        var progress = new WorkListProgress(store.ReadAsync);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(10, (await progress.GetAsync(Now.AddMilliseconds(i))).Counts.Pending);
        }

        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task A_write_is_seen_by_the_next_read()
    {
        var store = new CountingStore();
        var progress = new WorkListProgress(store.ReadAsync);
        await progress.GetAsync(Now);

        store.Pending = 9;
        progress.Changed();

        Assert.Equal(9, (await progress.GetAsync(Now)).Counts.Pending);
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task Counts_are_read_again_once_a_second_for_what_falls_due_with_time()
    {
        var store = new CountingStore();
        var progress = new WorkListProgress(store.ReadAsync);
        await progress.GetAsync(Now);
        await progress.GetAsync(Now + WorkListProgress.MaxAge - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, store.Reads);

        await progress.GetAsync(Now + WorkListProgress.MaxAge);
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task A_read_overtaken_by_a_write_is_not_kept()
    {
        var store = new CountingStore { Gate = new TaskCompletionSource() };
        var progress = new WorkListProgress(store.ReadAsync);

        var slow = progress.GetAsync(Now);
        store.Pending = 9;
        progress.Changed();
        store.Gate.SetResult();
        Assert.Equal(10, (await slow).Counts.Pending);

        store.Gate = null;
        Assert.Equal(9, (await progress.GetAsync(Now)).Counts.Pending);
    }
}
