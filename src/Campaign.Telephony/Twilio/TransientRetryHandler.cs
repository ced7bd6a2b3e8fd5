using System.Net;

namespace Campaign.Telephony.Twilio;

/// <summary>
/// Retries what Twilio asks to be retried (429) and gateway failures with exponential backoff. A plain 500 is only
/// retried for reads: a create that failed that way may have dialled already.
/// </summary>
internal sealed class TransientRetryHandler(int maxRetries, TimeSpan baseDelay) : DelegatingHandler
{
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
            await Task.Delay(delay > TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : delay, cancellationToken);
        }
    }

    private static bool IsTransient(HttpRequestMessage request, HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
        HttpStatusCode.InternalServerError => request.Method == HttpMethod.Get,
        _ => false,
    };
}
