using Campaign.Abstractions.Campaigns;
using Campaign.Grains.Trunk;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Campaign.Tests.Grains;

public class TrunkGrainTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task Thousands_of_releases_at_once_all_return_stored_and_survive_a_restart()
    {
        var calls = CallIds("cmp-a", 3000);
        await using (var cluster = await StartAsync(capacity: 3000))
        {
            var trunk = cluster.Client.GetGrain<ITrunkGrain>(ITrunkGrain.Key);
            Assert.Equal(3000, (await trunk.AcquireAsync("cmp-a", calls, 3000)).Count);

            // 2,000 calls end together, some reported twice; 1,000 stay live.
            var ending = calls.Skip(1000).ToList();
            await Task.WhenAll(ending.Concat(ending.Take(200)).Select(trunk.ReleaseAsync));

            Assert.Equal(1000, (await trunk.GetStatusAsync()).InUse);
            var stored = await StoredAsync(cluster, trunk);
            Assert.Equal(calls.Take(1000).Order(), stored.Leases.Keys.Order());
        }

        await using var again = await StartAsync(capacity: 3000);
        var restored = await again.Client.GetGrain<ITrunkGrain>(ITrunkGrain.Key).GetStatusAsync();
        Assert.Equal((1000, 3000), (restored.InUse, restored.PeakInUse));
    }

    [Fact]
    public async Task Releases_interleaved_with_acquires_never_exceed_the_capacity_and_the_last_state_is_stored()
    {
        const int capacity = 2500;
        var first = CallIds("cmp-a", 2000);
        var second = CallIds("cmp-b", 2000);
        await using var cluster = await StartAsync(capacity);
        var trunk = cluster.Client.GetGrain<ITrunkGrain>(ITrunkGrain.Key);
        Assert.Equal(2000, (await trunk.AcquireAsync("cmp-a", first, capacity)).Count);

        var releases = Task.WhenAll(first.Select(trunk.ReleaseAsync));
        var granted = new List<string>();
        foreach (var batch in second.Chunk(100))
        {
            var wanted = batch.Where(id => !granted.Contains(id)).ToList();
            granted.AddRange(await trunk.AcquireAsync("cmp-b", wanted, capacity));
            Assert.InRange((await trunk.GetStatusAsync()).InUse, 0, capacity);
        }

        await releases;
        var status = await trunk.GetStatusAsync();
        Assert.Equal(granted.Count, status.InUse);
        Assert.Equal(granted.Count, status.InUseByCampaign.GetValueOrDefault("cmp-b"));
        Assert.False(status.InUseByCampaign.ContainsKey("cmp-a"));
        Assert.Equal(granted.Order(), (await StoredAsync(cluster, trunk)).Leases.Keys.Order());
    }

    [Fact]
    public async Task An_exchange_frees_the_ended_calls_lines_before_leasing_new_ones_and_stores_both()
    {
        const int capacity = 10;
        var calls = CallIds("cmp-a", 16);
        await using var cluster = await StartAsync(capacity);
        var trunk = cluster.Client.GetGrain<ITrunkGrain>(ITrunkGrain.Key);
        Assert.Equal(10, (await trunk.AcquireAsync("cmp-a", calls.Take(10).ToList(), capacity)).Count);

        // Four calls ended: their lines are what makes room for four of the next six, in the same write.
        var granted = await trunk.ExchangeAsync("cmp-a", calls.Take(4).ToList(), calls.Skip(10).ToList(), capacity);

        Assert.Equal(calls.Skip(10).Take(4), granted);
        Assert.Equal(calls.Skip(4).Take(10).Order(), (await StoredAsync(cluster, trunk)).Leases.Keys.Order());

        await trunk.ReleaseAllAsync([.. calls.Skip(4).Take(3), calls[0]]); // one freed already: harmless
        Assert.Equal(7, (await trunk.GetStatusAsync()).InUse);
        Assert.Equal(calls.Skip(7).Take(7).Order(), (await StoredAsync(cluster, trunk)).Leases.Keys.Order());

        // A restarted campaign keeps the lines of its live calls only; another campaign's lines stay.
        Assert.Single(await trunk.AcquireAsync("cmp-b", ["cmp-b-0-a1"], capacity));
        await trunk.KeepOnlyAsync("cmp-a", [calls[8], calls[9]]);
        Assert.Equal(new[] { calls[8], calls[9], "cmp-b-0-a1" }.Order(), (await StoredAsync(cluster, trunk)).Leases.Keys.Order());
    }

    public void Dispose() => _file.Dispose();

    private Task<InProcessTestCluster> StartAsync(int capacity) =>
        EngineCluster.StartAsync(_file.Path, scripted: true, new Dictionary<string, string?>
        {
            ["Trunk:Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Trunk:CallsPerSecond"] = "100000",
        });

    private static List<string> CallIds(string campaign, int count) =>
        Enumerable.Range(0, count).Select(i => $"{campaign}-{i}-a1").ToList();

    /// <summary>The trunk state as stored in the file right now, read past the grain.</summary>
    private async Task<TrunkState> StoredAsync(InProcessTestCluster cluster, ITrunkGrain trunk)
    {
        var storage = new SqliteGrainStorage(_file.Open(), cluster.Service<IGrainStorageSerializer>(), TimeProvider.System);
        var state = new GrainState<TrunkState>();
        await storage.ReadStateAsync("trunk", trunk.GetGrainId(), state);
        Assert.True(state.RecordExists);
        return state.State!;
    }
}
