namespace Campaign.Host.Api;

/// <summary>Limits on customer import files (<c>Import:MaxFileBytes</c>).</summary>
public sealed class ImportLimits
{
    public const long DefaultMaxFileBytes = 100 * 1024 * 1024;

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>What an operator or client is told when a file is over the limit.</summary>
    public static string TooLargeDetail(long maxBytes) =>
        $"Import files are limited to {maxBytes / (1024 * 1024)} MB (Import:MaxFileBytes); split the file and import the parts.";
}
