using Campaign.Abstractions.Storage;
using Campaign.Storage.AzureTables;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

public sealed class SqliteCustomerDirectoryTests : CustomerDirectoryContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override ICustomerDirectory CreateDirectory(TimeProvider clock) => new SqliteCustomerDirectory(_file.Open(), clock);

    public void Dispose() => _file.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureCustomerDirectoryTests(AzuriteFixture azurite) : CustomerDirectoryContract
{
    protected override ICustomerDirectory CreateDirectory(TimeProvider clock) => new AzureCustomerDirectory(AzuriteTables.Create(azurite), clock);
}
