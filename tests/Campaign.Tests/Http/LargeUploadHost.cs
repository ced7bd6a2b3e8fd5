using System.Globalization;

namespace Campaign.Tests.Http;

/// <summary>The real host with an upload limit large enough for multi-megabyte files.</summary>
public sealed class LargeUploadHost : IAsyncLifetime
{
    public const long MaxImportBytes = 16 * 1024 * 1024;

    public InProcessHost Host { get; } = new(["--Import:MaxFileBytes", MaxImportBytes.ToString(CultureInfo.InvariantCulture)]);

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}
