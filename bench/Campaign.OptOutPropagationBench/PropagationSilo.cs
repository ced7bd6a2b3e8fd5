using System.Net;
using System.Net.Sockets;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;
using Campaign.Conversation.Hosting;
using Campaign.Grains;
using Campaign.Storage.Sqlite;
using Campaign.Telephony;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Campaign.OptOutPropagationBench;

/// <summary>
/// One silo in this process, configured like the real host (SQLite on a temporary file, reminders in it, the offline
/// conversation engine) with <see cref="OptOutLine"/> as its telephony. Campaigns re-try a busy customer every 20 ms, so
/// the other campaign keeps asking to dial the person while the opting-out call runs.
/// </summary>
public sealed class PropagationSilo : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Trunk:Capacity"] = "50",
        ["Trunk:CallsPerSecond"] = "1000",
        ["Campaigns:DispatchInterval"] = "00:00:00.020",
        ["Campaigns:CustomerBusyDelay"] = "00:00:00.020",
        ["Calls:WatchdogPeriod"] = "00:01:00",
    };

    private readonly IHost _host;
    private readonly string _folder;

    private PropagationSilo(IHost host, string folder)
    {
        _host = host;
        _folder = folder;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public ICustomerDirectory Directory => _host.Services.GetRequiredService<ICustomerDirectory>();

    public IDecisionLog Decisions => _host.Services.GetRequiredService<IDecisionLog>();

    public OptOutLine Line => _host.Services.GetRequiredService<OptOutLine>();

    public static async Task<PropagationSilo> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaign-optout-propagation", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        var clock = new BenchClock();
        builder.Services.AddSingleton(clock);
        builder.Services.AddKeyedSingleton<TimeProvider>(EngineClock.Key, clock);
        builder.Services.AddConversation(builder.Configuration, EngineClock.Key);
        builder.Services.AddCampaignEngine(builder.Configuration);
        builder.Services.AddTelephony(builder.Configuration, EngineClock.Key);
        builder.Services.AddSingleton<OptOutLine>();
        builder.Services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<OptOutLine>());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort(), serviceId: "optout-propagation-bench", clusterId: "optout-propagation");
            silo.AddSqliteStorage(Path.Combine(folder, "campaign.db"), StorageNames.All);
            silo.UseSqliteReminderService();
        });

        var host = builder.Build();
        await host.StartAsync();
        return new PropagationSilo(host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
