using Campaign.Telephony.Http;
using global::Twilio.Clients;
using global::Twilio.Http;

namespace Campaign.Telephony.Twilio;

internal static class TwilioRestClientFactory
{
    public static ITwilioRestClient Create(TwilioOptions options)
    {
        HttpMessageHandler handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var apiBase = new Uri(options.ApiBaseUrl);
        if (!string.Equals(options.ApiBaseUrl, TwilioOptions.DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase))
        {
            handler = new ApiBaseRewriteHandler(apiBase) { InnerHandler = handler };
        }

        var http = new System.Net.Http.HttpClient(new TransientRetryHandler(3, TimeSpan.FromMilliseconds(250), TransientRetryHandler.IsRead) { InnerHandler = handler })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new SystemNetHttpClient(http));
    }
}
