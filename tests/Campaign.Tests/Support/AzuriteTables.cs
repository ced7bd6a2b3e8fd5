using Azure.Data.Tables;
using Campaign.Storage.AzureTables;

namespace Campaign.Tests.Support;

/// <summary>A fresh set of store tables in the shared Azurite: a table prefix of its own for each test.</summary>
public static class AzuriteTables
{
    public static AzureTableSet Create(AzuriteFixture azurite) =>
        new(new TableServiceClient(azurite.ConnectionString), "t" + Guid.NewGuid().ToString("N")[..12]);
}
