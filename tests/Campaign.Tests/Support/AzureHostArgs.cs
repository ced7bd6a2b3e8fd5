namespace Campaign.Tests.Support;

/// <summary>Command-line settings that put a host on Azurite, in tables and containers of its own prefix.</summary>
public static class AzureHostArgs
{
    public static string NewPrefix() => "T" + Guid.NewGuid().ToString("N")[..12];

    public static string[] For(string connectionString, string prefix) =>
    [
        "--Storage:Provider", "AzureStorage",
        "--Storage:AzureStorage:ConnectionString", connectionString,
        "--Storage:AzureStorage:TablePrefix", prefix,
        "--Orleans:ClusterId", prefix,
        "--Orleans:ServiceId", prefix,
    ];
}
