namespace Campaign.Host.Api;

/// <summary>Limits on customer import files (<c>Import:MaxFileBytes</c>).</summary>
public sealed class ImportLimits
{
    public long MaxFileBytes { get; set; } = 100 * 1024 * 1024;
}
