using System.Net;

namespace Campaign.Telephony.Acs;

/// <summary>
/// Retries throttling (429) and gateway failures with exponential backoff, honouring Retry-After. A plain 500 is
/// retried only where a repeat is safe: reads, and creates that carry a Repeatability-Request-ID (the service answers a
/// repeat with the first result instead of placing a second call).
/// </summary>
internal sealed class AcsRetryHandler(int maxRetries, TimeSpan baseDelay) : DelegatingHandler
{
    public const string RequestIdHeader = "Repeatability-Request-ID";
    public const string FirstSentHeader = "Repeatability-First-Sent";
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (attempt >= maxRetries || !IsTransient(request, response.StatusCode))
            {
                return response;
            }

            var delay = response.Headers.RetryAfter?.Delta ?? baseDelay * Math.Pow(2, attempt);
            response.Dispose();
            await Task.Delay(delay > MaxDelay ? MaxDelay : delay, cancellationToken);
        }
    }

    private static bool IsTransient(HttpRequestMessage request, HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
        HttpStatusCode.InternalServerError => request.Method == HttpMethod.Get || request.Headers.Contains(RequestIdHeader),
        _ => false,
    };
}
