using System.Net;
using System.Net.Sockets;
using Campaign.Abstractions.Storage;
using Campaign.Conversation.Hosting;
using Campaign.Grains;
using Campaign.Storage.Sqlite;
using Campaign.Telephony;
using Campaign.Telephony.Simulator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Campaign.EngineBench;

/// <summary>
/// One silo hosted in this process, configured like the real host: SQLite on a temporary file, reminders in it, the
/// offline conversation engine, simulated telephony.
/// </summary>
public sealed class EngineSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _folder;

    private EngineSilo(IHost host, string folder, WarningLog warnings)
    {
        _host = host;
        _folder = folder;
        Warnings = warnings;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public ICustomerDirectory Directory => _host.Services.GetRequiredService<ICustomerDirectory>();

    public ICallStore Calls => _host.Services.GetRequiredService<ICallStore>();

    public SimulatedTelephony Telephony => _host.Services.GetRequiredService<SimulatedTelephony>();

    /// <summary>Warnings and errors the silo logged.</summary>
    public WarningLog Warnings { get; }

    public static async Task<EngineSilo> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaign-engine-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var databasePath = Path.Combine(folder, "campaign.db");

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        var warnings = new WarningLog();
        builder.Logging.ClearProviders().AddProvider(warnings).SetMinimumLevel(LogLevel.Warning);
        var configuration = builder.Configuration;
        builder.Services.AddConversation(configuration, EngineClock.Key);
        builder.Services.AddCampaignEngine(configuration);
        builder.Services.AddTelephony(configuration, EngineClock.Key);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort(), serviceId: "campaign-engine-bench", clusterId: "engine-bench");
            silo.AddSqliteStorage(databasePath, StorageNames.All);
            silo.UseSqliteReminderService();
        });

        var host = builder.Build();
        await host.StartAsync();
        return new EngineSilo(host, folder, warnings);
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
