namespace Campaign.Grains;

/// <summary>Names of the grain storage providers the grains ask for; the host maps them to SQLite or Azure.</summary>
public static class StorageNames
{
    public const string Default = "campaign";
}
