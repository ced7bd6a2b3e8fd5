namespace Campaign.Host.Api;

/// <summary>Limits on customer import files (<c>Import:MaxFileBytes</c>).</summary>
public sealed class ImportLimits
{
    public const long DefaultMaxFileBytes = 100 * 1024 * 1024;

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;
}
