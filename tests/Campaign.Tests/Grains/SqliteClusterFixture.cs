using Campaign.Tests.Support;
using Orleans.TestingHost;

namespace Campaign.Tests.Grains;

/// <summary>A one-silo in-process cluster (engine, scripted telephony) whose grains store their state in a temporary SQLite file.</summary>
public sealed class SqliteClusterFixture : IAsyncLifetime
{
    private readonly TempDatabase _file = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string DatabasePath => _file.Path;

    public async Task InitializeAsync()
    {
        Cluster = await EngineCluster.StartAsync(_file.Path, scripted: true);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _file.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteClusterCollection : ICollectionFixture<SqliteClusterFixture>
{
    public const string Name = "sqlite cluster";
}
