using Campaign.Abstractions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Campaign.Storage.Sqlite;

public static class SqliteStorageExtensions
{
    /// <summary>Registers the SQLite file as the customer directory and as the named (and default) grain storage.</summary>
    public static ISiloBuilder AddSqliteStorage(this ISiloBuilder silo, string path, params string[] grainStorageNames)
    {
        silo.Services.AddSqliteStorage(path, grainStorageNames);
        return silo;
    }

    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string path, params string[] grainStorageNames)
    {
        services.AddSqliteCampaignStores(path);
        services.AddSingleton(sp => new SqliteGrainStorage(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetRequiredService<TimeProvider>()));
        foreach (var name in grainStorageNames.Append(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).Distinct())
        {
            services.AddGrainStorage(name, (sp, _) => sp.GetRequiredService<SqliteGrainStorage>());
        }

        return services;
    }

    /// <summary>
    /// The customer directory, campaign work lists, call records and dial decisions in the SQLite file, for each of those ports that
    /// no other store has registered yet.
    /// </summary>
    public static IServiceCollection AddSqliteCampaignStores(this IServiceCollection services, string path)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new SqliteDatabase(path));
        services.TryAddSingleton<ICustomerDirectory, SqliteCustomerDirectory>();
        services.TryAddSingleton<IWorkListStore, SqliteWorkListStore>();
        services.TryAddSingleton<ICallStore, SqliteCallStore>();
        services.TryAddSingleton<IDecisionLog, SqliteDecisionLog>();
        return services;
    }
}
