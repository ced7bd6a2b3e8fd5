using Campaign.Host.Hosting;
using Campaign.Tests.Grains;
using Campaign.Tests.Support;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Campaign.Tests.Azure;

/// <summary>Reminders in Azure Tables outlive the silo that registered them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureReminderRestartTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_in_a_new_cluster_over_the_same_storage_account()
    {
        var prefix = AzureHostArgs.NewPrefix();
        var id = "tick-" + Guid.NewGuid().ToString("N")[..8];

        await using (var first = await StartClusterAsync(prefix))
        {
            var grain = first.Client.GetGrain<ITickGrain>(id);
            await grain.StartAsync(TimeSpan.FromSeconds(1), Period);
            await WaitForTickAsync(grain);
        }

        await using var second = await StartClusterAsync(prefix);
        var again = second.Client.GetGrain<ITickGrain>(id);
        // A new activation counts from zero: a tick now can only come from the reminder stored before the restart.
        await WaitForTickAsync(again);
        Assert.True(await again.HasReminderAsync());

        await again.StopAsync();
        Assert.False(await again.HasReminderAsync());
    }

    private async Task<InProcessTestCluster> StartClusterAsync(string prefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:AzureStorage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureStorage:TablePrefix"] = prefix,
        }).Build();
        var azure = AzureStorageSettings.Read(configuration, "test");
        var builder = new InProcessTestClusterBuilder(1);
        // Reminders belong to a service: the restarted cluster is the same service.
        builder.Options.ServiceId = prefix;
        builder.ConfigureSilo((_, silo) => silo
            .AddAzureGrainStorage(azure)
            .UseAzureReminders(azure)
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
}
