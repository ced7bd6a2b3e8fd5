using Azure.Data.Tables;

namespace Campaign.Tests.Support;

/// <summary>What the tables of one store prefix hold, searched property by property.</summary>
public static class AzuriteContents
{
    public static async Task<bool> HoldAsync(AzuriteFixture azurite, string prefix, string text)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0))
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (((IDictionary<string, object>)entity).Values.Concat([entity.PartitionKey, entity.RowKey]).Any(v => v?.ToString()?.Contains(text, StringComparison.OrdinalIgnoreCase) == true))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
