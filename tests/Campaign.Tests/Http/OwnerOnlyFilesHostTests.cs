using Campaign.Host.Security;
using Campaign.Storage;
using Campaign.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Http;

/// <summary>The files a host writes that hold personal data or secrets are the owner's alone, and a stored key is not generated (or shown) again.</summary>
public sealed class OwnerOnlyFilesHostTests : IAsyncLifetime
{
    // No key or password configured: the host generates both beside the data file.
    private readonly InProcessHost _host = new(["--Auth:ApiKey", "", "--Auth:Admin:Password", ""]);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_database_its_log_and_the_generated_key_files_are_mode_600_on_unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        var key = _host.Services.GetRequiredService<ApiKeySettings>();
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Add(ApiKeySettings.HeaderName, key.ApiKey);
        (await client.PostAsync("/api/customers/import", InProcessHost.Csv("id,name,phone\nM-1,Ann,+12125550147\n"))).EnsureSuccessStatusCode();

        var database = _host.Services.GetRequiredService<SqliteDatabase>().Path;
        var folder = Path.GetDirectoryName(database)!;
        string[] files = [database, database + "-wal", database + "-shm", Path.Combine(folder, "api-key"), Path.Combine(folder, AdminCredentials.FileName)];

        foreach (var file in files)
        {
            Assert.Equal((file, OwnerOnlyFiles.FileMode), (file, File.GetUnixFileMode(file)));
        }

        Assert.True(key.Generated);
        var again = ApiKeySettings.Resolve(new ConfigurationBuilder().Build(), folder);
        Assert.Equal((key.ApiKey, false), (again.ApiKey, again.Generated));
    }
}
