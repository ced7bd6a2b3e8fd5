using Campaign.Telephony.Http;
using global::Twilio.Clients;
using global::Twilio.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Telephony.Twilio;

internal static class TwilioRestClientFactory
{
    public const string HttpClientName = "twilio";

    /// <summary>The named HttpClient of Twilio's REST API: only reads are repeated after a plain 500 (a create may have dialled).</summary>
    public static void AddHttpClient(IServiceCollection services, TwilioOptions options)
    {
        var http = services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(30))
            .AddProviderResilience(ProviderResilience.IsRead);
        if (!string.Equals(options.ApiBaseUrl, TwilioOptions.DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase))
        {
            var apiBase = new Uri(options.ApiBaseUrl);
            http.AddHttpMessageHandler(() => new ApiBaseRewriteHandler(apiBase));
        }
    }

    public static ITwilioRestClient Create(TwilioOptions options, IHttpClientFactory clients) =>
        new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new SystemNetHttpClient(clients.CreateClient(HttpClientName)));
}
