using Campaign.Telephony.Http;

namespace Campaign.Telephony.Acs;

/// <summary>The HTTP pipeline for Call Automation: retries outside, signing inside, so every attempt is signed afresh.</summary>
internal static class AcsHttp
{
    public static HttpClient Create(AcsOptions options, TimeProvider clock)
    {
        var signing = new AcsHmacHandler(Convert.FromBase64String(options.AccessKey), clock)
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        return new HttpClient(new TransientRetryHandler(3, TimeSpan.FromMilliseconds(250), AcsRepeatability.SafeToRepeat) { InnerHandler = signing })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }
}
