using Campaign.Tests.Http;

namespace Campaign.Tests.Contract;

/// <summary>The OpenAPI document the running host serves, saved to a temporary file for tools that read files.</summary>
internal sealed class ServedDocument : IDisposable
{
    private ServedDocument(string path, string json) => (Path, Json) = (path, json);

    public string Path { get; }

    public string Json { get; }

    public static async Task<ServedDocument> FetchAsync(InProcessHost host)
    {
        var json = await host.Anonymous.GetStringAsync("/openapi/v1.json");
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"campaign-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return new ServedDocument(path, json);
    }

    public void Dispose() => File.Delete(Path);
}
