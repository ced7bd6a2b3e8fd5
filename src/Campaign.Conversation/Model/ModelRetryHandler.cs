using System.Globalization;
using System.Net;
using Campaign.Conversation.Hosting;
using Microsoft.Extensions.Logging;

namespace Campaign.Conversation.Model;

/// <summary>
/// Retries a chat completions request that failed for a transient reason (HTTP 429, 500, 502, 503, 504, or no
/// response at all), waiting as long as the server's <c>Retry-After</c> asks (seconds or an HTTP date, or
/// <c>retry-after-ms</c>), else a short backoff. It never waits past the turn's time budget
/// (<see cref="ModelRequestScope.Deadline"/>) and makes at most <see cref="OpenAIConversationOptions.MaxAttempts"/>
/// attempts; then the last failure goes back to the connector, which raises it. Every failed attempt is logged.
/// </summary>
public sealed class ModelRetryHandler(OpenAIConversationOptions options, ILogger logger, TimeProvider? time = null) : DelegatingHandler
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private int MaxAttempts => Math.Max(1, options.MaxAttempts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scope = ModelRequestScope.Current ?? new ModelRequestScope(null, TimeSpan.FromSeconds(options.TimeoutSeconds), _time);
        if (request.Content is not null)
        {
            // A request is sent again as it was: its body must be readable more than once.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
            {
                var backoff = Backoff(attempt);
                var refusal = WhyNot(attempt, backoff, scope);
                ModelFaultLog.RequestFault(logger, scope.CallId, attempt, MaxAttempts, ex.HttpRequestError.ToString(), refusal ?? Retrying(backoff));
                if (refusal is not null)
                {
                    throw;
                }

                await Task.Delay(backoff, _time, cancellationToken);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var status = (int)response.StatusCode;
            if (!IsTransient(response.StatusCode))
            {
                ModelFaultLog.HttpFault(logger, scope.CallId, status, attempt, MaxAttempts, "not retried: the error is not transient");
                return response;
            }

            var delay = RetryAfter(response) ?? Backoff(attempt);
            var reason = WhyNot(attempt, delay, scope);
            ModelFaultLog.HttpFault(logger, scope.CallId, status, attempt, MaxAttempts, reason ?? Retrying(delay));
            if (reason is not null)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>How long the server asks the client to wait: <c>retry-after-ms</c>, else <c>Retry-After</c> in seconds or as a date.</summary>
    public TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values) &&
            double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
            { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
    }

    /// <summary>Why the request is not tried again, or null when it may be after <paramref name="delay"/>.</summary>
    private string? WhyNot(int attempt, TimeSpan delay, ModelRequestScope scope)
    {
        if (attempt >= MaxAttempts)
        {
            return $"giving up after {attempt} attempts";
        }

        return _time.GetUtcNow() + delay >= scope.Deadline
            ? $"not retried: waiting {Seconds(delay)} s would pass the turn's budget of {Seconds(scope.Budget)} s"
            : null;
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempt - 1, 8)));

    private static string Retrying(TimeSpan delay) => $"retrying in {Seconds(delay)} s";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
