using Campaign.Abstractions.Storage;
using Campaign.Storage.AzureTables;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

public sealed class SqliteWorkListStoreTests : WorkListStoreContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override (ICustomerDirectory Directory, IWorkListStore Work) CreateStores(TimeProvider clock)
    {
        var database = _file.Open();
        return (new SqliteCustomerDirectory(database, clock), new SqliteWorkListStore(database));
    }

    public void Dispose() => _file.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureWorkListStoreTests(AzuriteFixture azurite) : WorkListStoreContract
{
    protected override (ICustomerDirectory Directory, IWorkListStore Work) CreateStores(TimeProvider clock)
    {
        var tables = AzuriteTables.Create(azurite);
        var directory = new AzureCustomerDirectory(tables, clock);
        return (directory, new AzureWorkListStore(tables, directory));
    }
}
