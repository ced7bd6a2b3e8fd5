using Campaign.Abstractions.Storage;
using Campaign.Storage.AzureTables;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

public sealed class SqliteDecisionLogTests : DecisionLogContract, IDisposable
{
    private readonly TempDatabase _file = new();

    protected override IDecisionLog CreateLog() => new SqliteDecisionLog(_file.Open());

    public void Dispose() => _file.Dispose();
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureDecisionLogTests(AzuriteFixture azurite) : DecisionLogContract
{
    protected override IDecisionLog CreateLog() => new AzureDecisionLog(AzuriteTables.Create(azurite));
}
