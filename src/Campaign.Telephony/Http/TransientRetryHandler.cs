using System.Net;

namespace Campaign.Telephony.Http;

/// <summary>
/// Retries throttling (429) and gateway failures with exponential backoff, honouring Retry-After. A plain 500 is
/// retried only where <paramref name="safeToRepeat"/> says a repeat cannot act twice: a create that failed that way
/// may have dialled already.
/// </summary>
internal sealed class TransientRetryHandler(int maxRetries, TimeSpan baseDelay, Func<HttpRequestMessage, bool> safeToRepeat) : DelegatingHandler
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>Reads can always be repeated.</summary>
    public static bool IsRead(HttpRequestMessage request) => request.Method == HttpMethod.Get;

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

    private bool IsTransient(HttpRequestMessage request, HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
        HttpStatusCode.InternalServerError => safeToRepeat(request),
        _ => false,
    };
}
