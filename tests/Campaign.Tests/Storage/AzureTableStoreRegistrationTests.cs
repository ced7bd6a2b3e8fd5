using Azure.Data.Tables;
using Campaign.Abstractions.Storage;
using Campaign.Storage.AzureTables;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Storage;

public sealed class AzureTableStoreRegistrationTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public void The_Azure_Tables_stores_replace_the_SQLite_ones()
    {
        var services = new ServiceCollection().AddSqliteStorage(_file.Path);
        services.AddAzureTableStores(new TableServiceClient("UseDevelopmentStorage=true"), "campaign");
        using var provider = services.BuildServiceProvider();

        Assert.IsType<AzureCustomerDirectory>(provider.GetRequiredService<ICustomerDirectory>());
        Assert.IsType<AzureWorkListStore>(provider.GetRequiredService<IWorkListStore>());
        Assert.IsType<AzureCallStore>(provider.GetRequiredService<ICallStore>());
        Assert.Same(provider.GetRequiredService<ICustomerDirectory>(), provider.GetRequiredService<AzureCustomerDirectory>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1campaign")]
    [InlineData("camp-aign")]
    public void A_table_prefix_that_cannot_name_a_table_is_refused(string prefix) =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAzureTableStores(new TableServiceClient("UseDevelopmentStorage=true"), prefix));

    public void Dispose() => _file.Dispose();
}
