using Campaign.Abstractions.Storage;
using Campaign.Storage.AzureTables;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

public sealed class SqliteCallStoreTests : CallStoreContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override ICallStore CreateStore() => new SqliteCallStore(_file.Open());

    public void Dispose() => _file.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureCallStoreTests(AzuriteFixture azurite) : CallStoreContract
{
    protected override ICallStore CreateStore() => new AzureCallStore(AzuriteTables.Create(azurite));
}
