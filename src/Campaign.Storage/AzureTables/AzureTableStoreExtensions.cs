using Azure.Data.Tables;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Campaign.Storage.AzureTables;

public static class AzureTableStoreExtensions
{
    /// <summary>
    /// Registers the customer directory (<see cref="ICustomerDirectory"/>), campaign work lists
    /// (<see cref="IWorkListStore"/>) call records (<see cref="ICallStore"/>) and dial decisions (<see cref="IDecisionLog"/>) on Azure Tables, replacing any
    /// earlier registration of those ports (for example the SQLite ones). The tables are named
    /// <c>{tablePrefix}customers00</c> … <c>customers31</c>, <c>custnumbers</c>, <c>custindex</c>, <c>donotcall</c>,
    /// <c>work</c>, <c>calls</c>, <c>callids</c> and <c>decisions</c>, are created on first use, and may be shared by every silo of a
    /// cluster. <paramref name="tablePrefix"/> is letters and digits, starting
    /// with a letter. Grain storage, clustering and reminders are registered separately.
    /// </summary>
    public static IServiceCollection AddAzureTableStores(this IServiceCollection services, TableServiceClient client, string tablePrefix)
    {
        var tables = new AzureTableSet(client, tablePrefix);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(tables);
        services.AddSingleton<AzureCustomerDirectory>();
        services.RemoveAll<ICustomerDirectory>();
        services.RemoveAll<IWorkListStore>();
        services.RemoveAll<ICallStore>();
        services.RemoveAll<IDecisionLog>();
        services.AddSingleton<ICustomerDirectory>(sp => sp.GetRequiredService<AzureCustomerDirectory>());
        services.AddSingleton<IWorkListStore, AzureWorkListStore>();
        services.AddSingleton<ICallStore, AzureCallStore>();
        services.AddSingleton<IDecisionLog, AzureDecisionLog>();
        return services;
    }
}
