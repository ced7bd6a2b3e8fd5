namespace Campaign.Grains;

/// <summary>Names of the grain storage providers the grains ask for; the host maps them to SQLite or Azure.</summary>
public static class StorageNames
{
    public const string Default = "campaign";

    /// <summary>
    /// States that grow without a fixed bound (every version of a script, the catalogs, a schedule's runs), which may
    /// outgrow an Azure table entity; on Azure Storage they are kept as blobs.
    /// </summary>
    public const string LargeState = "campaign-large";

    public static readonly string[] All = [Default, LargeState];
}
