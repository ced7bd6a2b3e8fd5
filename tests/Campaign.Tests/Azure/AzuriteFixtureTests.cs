using Azure.Data.Tables;
using Campaign.Tests.Support;

namespace Campaign.Tests.Azure;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_emulator_stores_and_returns_a_table_entity()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("fixture" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateIfNotExistsAsync();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Name"] = "Ada" });
        var entity = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal("Ada", entity.Value.GetString("Name"));
    }
}
