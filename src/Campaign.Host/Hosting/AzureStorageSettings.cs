using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Campaign.Host.Hosting;

/// <summary>
/// <c>Storage:AzureStorage:*</c>: the storage account every silo of a cluster shares, and the prefix of the tables and
/// containers the host keeps there (so several installations can share one account).
/// </summary>
public sealed partial class AzureStorageSettings
{
    public const string DefaultTablePrefix = "Campaign";

    private AzureStorageSettings(TableServiceClient tables, BlobServiceClient blobs, string tablePrefix)
    {
        Tables = tables;
        Blobs = blobs;
        TablePrefix = tablePrefix;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public string TablePrefix { get; }

    public string GrainStateTable => TablePrefix + "GrainState";

    public string RemindersTable => TablePrefix + "Reminders";

    public string MembershipTable => TablePrefix + "Silos";

    public string LargeStateContainer => TablePrefix.ToLowerInvariant() + "-grain-state";

    public string KeyRingContainer => TablePrefix.ToLowerInvariant() + "-keys";

    public static AzureStorageSettings Read(IConfiguration configuration, string profile)
    {
        var connectionString = configuration["Storage:AzureStorage:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Storage:Provider=AzureStorage (profile '{profile}') needs Storage:AzureStorage:ConnectionString, e.g. the environment variable " +
                "Storage__AzureStorage__ConnectionString, or UseDevelopmentStorage=true for Azurite on its default ports.");
        }

        var prefix = configuration["Storage:AzureStorage:TablePrefix"] is { Length: > 0 } configured ? configured.Trim() : DefaultTablePrefix;
        if (!PrefixPattern().IsMatch(prefix))
        {
            throw new InvalidOperationException(
                $"Storage:AzureStorage:TablePrefix '{prefix}' is not valid: use 1 to 40 letters and digits, starting with a letter.");
        }

        try
        {
            return new AzureStorageSettings(new TableServiceClient(connectionString), new BlobServiceClient(connectionString), prefix);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // The message of the SDK may quote the connection string, which holds the account key: never repeat it.
            throw new InvalidOperationException(
                "Storage:AzureStorage:ConnectionString is not a valid Azure Storage connection string (it needs the table and blob endpoints).");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex PrefixPattern();
}
