using Campaign.Grains;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Orleans.TestingHost;

namespace Campaign.Tests.Grains;

/// <summary>A one-silo in-process cluster whose grains store their state in a temporary SQLite file.</summary>
public sealed class SqliteClusterFixture : IAsyncLifetime
{
    private readonly TempDatabase _file = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string DatabasePath => _file.Path;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var path = _file.Path;
        builder.ConfigureSilo((_, silo) => silo.AddSqliteStorage(path, StorageNames.Default));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
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
