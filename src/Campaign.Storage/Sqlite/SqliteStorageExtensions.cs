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
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new SqliteDatabase(path));
        services.AddSingleton<ICustomerDirectory, SqliteCustomerDirectory>();
        services.AddSingleton<IWorkListStore, SqliteWorkListStore>();
        services.AddSingleton<ICallStore, SqliteCallStore>();
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
}
