using System.Net;
using System.Text.Json;
using Campaign.Tests.Http;

namespace Campaign.Tests.Contract;

/// <summary>Requests sent through <see cref="PrismProxy"/>; each answer must be the expected status and no Prism violation.</summary>
internal sealed class ValidatedSession(PrismProxy proxy) : IDisposable
{
    private readonly HttpClient _http = CreateClient(proxy.Address);

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, HttpStatusCode expected, HttpContent? body = null)
    {
        var text = await SendAsync(method, path, expected, body);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public async Task<string> SendAsync(HttpMethod method, string path, HttpStatusCode expected, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(
            text.Contains(PrismProxy.ErrorTypePrefix, StringComparison.Ordinal),
            $"{method} {path} breaks the OpenAPI document:{Environment.NewLine}{text}");
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {expected}, got {response.StatusCode}: {text}");
        return text;
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateClient(Uri address)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Api-Key", InProcessHost.ApiKey);
        return http;
    }
}
