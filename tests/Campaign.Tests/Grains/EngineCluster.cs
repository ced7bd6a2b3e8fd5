using Campaign.Abstractions.Telephony;
using Campaign.Conversation.Hosting;
using Campaign.Grains;
using Campaign.Storage.Sqlite;
using Campaign.Telephony;
using Campaign.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Campaign.Tests.Grains;

/// <summary>An in-process one-silo cluster with the whole campaign engine on a SQLite file.</summary>
public static class EngineCluster
{
    public static readonly IReadOnlyDictionary<string, string?> FastSettings = new Dictionary<string, string?>
    {
        ["Trunk:Capacity"] = "20",
        ["Trunk:CallsPerSecond"] = "1000",
        ["Campaigns:DispatchInterval"] = "00:00:00.050",
        ["Campaigns:CustomerBusyDelay"] = "00:00:00.200",
        ["Campaigns:KeepAlivePeriod"] = "00:00:01",
        ["Calls:WatchdogPeriod"] = "00:00:01",
        ["Schedules:CheckPeriod"] = "00:00:01",
        ["Telephony:Simulator:TimeScale"] = "2000",
    };

    /// <summary>
    /// Starts a cluster; with <paramref name="scripted"/> the telephony is a <see cref="ScriptedTelephony"/>. Grains,
    /// reminders and stores are in the SQLite file unless <paramref name="storage"/> puts them elsewhere.
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(string databasePath, bool scripted, IReadOnlyDictionary<string, string?>? overrides = null, ShiftedClock? clock = null, Action<IServiceCollection>? services = null, Action<ISiloBuilder>? storage = null)
    {
        var settings = FastSettings.Concat(overrides ?? new Dictionary<string, string?>())
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            if (clock is not null)
            {
                silo.Services.AddKeyedSingleton<TimeProvider>(EngineClock.Key, clock);
            }

            if (storage is not null)
            {
                storage(silo);
            }
            else
            {
                silo.AddSqliteStorage(databasePath, StorageNames.All).UseSqliteReminderService();
            }

            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.AddConversation(configuration, EngineClock.Key);
            silo.Services.AddCampaignEngine(configuration);
            silo.Services.AddTelephony(configuration, EngineClock.Key);
            if (scripted)
            {
                silo.Services.AddSingleton<ScriptedTelephony>();
                silo.Services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<ScriptedTelephony>());
            }

            services?.Invoke(silo.Services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static T Service<T>(this InProcessTestCluster cluster)
        where T : notnull =>
        cluster.GetSiloServiceProvider(cluster.Silos[0].SiloAddress).GetRequiredService<T>();
}
