using System.Text;
using Azure.Data.Tables;
using Campaign.Abstractions.Storage;
using Campaign.Storage.AzureTables;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

public sealed class SqliteCustomerDirectoryTests : CustomerDirectoryContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override ICustomerDirectory CreateDirectory(TimeProvider clock) => new SqliteCustomerDirectory(_file.Open(), clock);

    /// <summary>The database file and its write-ahead log, byte for byte: deleted rows included, if they were not wiped.</summary>
    protected override Task<bool> HoldsAnywhereAsync(string text) => Task.FromResult(SqliteFiles.Hold(_file.Path, text));

    public void Dispose() => _file.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureCustomerDirectoryTests(AzuriteFixture azurite) : CustomerDirectoryContract
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];

    protected override ICustomerDirectory CreateDirectory(TimeProvider clock) =>
        new AzureCustomerDirectory(new AzureTableSet(new TableServiceClient(azurite.ConnectionString), _prefix), clock);

    /// <summary>Every property of every entity of every table of this store.</summary>
    protected override Task<bool> HoldsAnywhereAsync(string text) => AzuriteContents.HoldAsync(azurite, _prefix, text);
}
