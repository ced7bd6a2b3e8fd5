using Campaign.ApiClient;
using Campaign.Tests.Http;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Campaign.Tests.Contract;

/// <summary>The generated client, pointed at the host and sending its API key, as a customer's code would use it.</summary>
internal static class TypedClient
{
    public static CampaignApiClient For(Uri baseAddress, HttpClient http) =>
        new(new HttpClientRequestAdapter(new ApiKeyHeader(InProcessHost.ApiKey), httpClient: http) { BaseUrl = baseAddress.ToString().TrimEnd('/') });

    /// <summary>Kiota's own API key provider insists on https; the host here listens on plain loopback http.</summary>
    private sealed class ApiKeyHeader(string key) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("X-Api-Key", key);
            return Task.CompletedTask;
        }
    }
}
