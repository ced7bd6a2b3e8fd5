using Campaign.Telephony.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Telephony.Acs;

/// <summary>The HTTP pipeline for Call Automation: resilience outside, signing inside, so every attempt is signed afresh.</summary>
internal static class AcsHttp
{
    public const string HttpClientName = "acs";

    public static void AddHttpClient(IServiceCollection services, AcsOptions options) =>
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(30))
            .AddProviderResilience(AcsRepeatability.SafeToRepeat)
            .AddHttpMessageHandler(sp => new AcsHmacHandler(Convert.FromBase64String(options.AccessKey), sp.GetRequiredService<TimeProvider>()));

    public static HttpClient Create(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
