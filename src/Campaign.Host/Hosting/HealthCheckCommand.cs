namespace Campaign.Host.Hosting;

/// <summary>
/// <c>dotnet Campaign.Host.dll --health-check [url]</c>: asks a running host's liveness probe and exits 0 when it
/// answers 2xx, else 1. Container images of ASP.NET Core carry no curl or wget, so the image's HEALTHCHECK uses this.
/// </summary>
public static class HealthCheckCommand
{
    public const string Switch = "--health-check";
    public const string DefaultUrl = "http://127.0.0.1:8080" + HealthHosting.LivePath;

    public static async Task<int> RunAsync(string? url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(string.IsNullOrWhiteSpace(url) ? DefaultUrl : url);
            Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"unhealthy: {ex.Message}");
            return 1;
        }
    }
}
