using Campaign.Grains;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Campaign.Tests.Grains;

public class ReminderRestartTests : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDatabase _file = new();

    [Fact]
    public async Task A_reminder_fires_and_still_exists_and_fires_in_a_new_cluster_over_the_same_file()
    {
        var id = "tick-" + Guid.NewGuid().ToString("N")[..8];

        await using (var first = await StartClusterAsync())
        {
            var grain = first.Client.GetGrain<ITickGrain>(id);
            await grain.StartAsync(TimeSpan.FromSeconds(1), Period);
            await WaitForTickAsync(grain);
        }

        await using var second = await StartClusterAsync();
        var again = second.Client.GetGrain<ITickGrain>(id);
        Assert.True(await again.HasReminderAsync());
        await WaitForTickAsync(again);

        await again.StopAsync();
        Assert.False(await again.HasReminderAsync());
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var path = _file.Path;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddSqliteStorage(path, StorageNames.All)
            .UseSqliteReminderService()
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = Period));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task WaitForTickAsync(ITickGrain grain)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await grain.GetTicksAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reminder did not fire within {Patience}.");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _file.Dispose();
}
