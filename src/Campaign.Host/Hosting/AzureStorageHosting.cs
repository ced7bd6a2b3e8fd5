using Campaign.Grains;
using Campaign.Host.Security;
using Campaign.Storage.AzureTables;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Orleans.Providers;

namespace Campaign.Host.Hosting;

/// <summary>
/// <c>Storage:Provider=AzureStorage</c>: grain state in Azure Tables (blobs for states that may outgrow a table
/// entity), cluster membership and reminders in Azure Tables, all in the account of <see cref="AzureStorageSettings"/>.
/// </summary>
public static class AzureStorageHosting
{
    public static ISiloBuilder UseAzureStorage(this ISiloBuilder silo, AzureStorageSettings azure)
    {
        silo.AddAzureGrainStorage(azure);
        silo.UseAzureStorageClustering(o =>
        {
            o.TableServiceClient = azure.Tables;
            o.TableName = azure.MembershipTable;
        });
        silo.UseAzureReminders(azure);
        return silo;
    }

    public static ISiloBuilder AddAzureGrainStorage(this ISiloBuilder silo, AzureStorageSettings azure)
    {
        foreach (var name in new[] { StorageNames.Default, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME })
        {
            silo.AddAzureTableGrainStorage(name, o =>
            {
                o.TableServiceClient = azure.Tables;
                o.TableName = azure.GrainStateTable;
            });
        }

        silo.AddAzureBlobGrainStorage(StorageNames.LargeState, o =>
        {
            o.BlobServiceClient = azure.Blobs;
            o.ContainerName = azure.LargeStateContainer;
        });
        return silo;
    }

    public static ISiloBuilder UseAzureReminders(this ISiloBuilder silo, AzureStorageSettings azure) =>
        silo.UseAzureTableReminderService(o =>
        {
            o.TableServiceClient = azure.Tables;
            o.TableName = azure.RemindersTable;
        });

    /// <summary>The customer directory, work lists and call records in Azure Tables of the same account and prefix.</summary>
    public static IServiceCollection AddCampaignStores(this IServiceCollection services, AzureStorageSettings azure)
    {
        services.AddAzureTableStores(azure.Tables, azure.TablePrefix);
        return services;
    }

    /// <summary>The data-protection key ring in a blob container, so every silo accepts every silo's login cookies.</summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, AzureStorageSettings azure)
    {
        services.AddDataProtection().SetApplicationName("Campaign.Orleans");
        services.Configure<KeyManagementOptions>(o =>
            o.XmlRepository = new BlobKeyRing(azure.Blobs.GetBlobContainerClient(azure.KeyRingContainer)));
        return services;
    }
}
