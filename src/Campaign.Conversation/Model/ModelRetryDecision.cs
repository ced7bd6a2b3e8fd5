using System.Globalization;
using System.Net;
using Campaign.Conversation.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Campaign.Conversation.Model;

/// <summary>
/// Whether a chat completions request that failed is tried again, and after how long: a transient failure (HTTP 429,
/// 500, 502, 503, 504, no response at all, an attempt that timed out) is, waiting as long as the server's
/// <c>Retry-After</c> asks (seconds or an HTTP date, or <c>retry-after-ms</c>), else a short backoff; never past the
/// turn's time budget (<see cref="ModelRequestScope.Deadline"/>) and at most
/// <see cref="OpenAIConversationOptions.MaxAttempts"/> attempts. Every failed attempt is logged with what follows.
/// </summary>
public sealed class ModelRetryDecision(OpenAIConversationOptions options, ILogger logger, TimeProvider? time = null)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public int MaxAttempts => Math.Max(1, options.MaxAttempts);

    /// <summary>The turn this request belongs to; outside one (no scope), a budget of its own.</summary>
    public ModelRequestScope Scope() => ModelRequestScope.Current ?? new ModelRequestScope(null, Budget, _time);

    public TimeSpan Budget => TimeSpan.FromSeconds(Math.Max(0.05, options.TimeoutSeconds));

    /// <summary>Polly's retry predicate: true when the attempt that ended with <paramref name="outcome"/> is to be repeated.</summary>
    public bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attempt, CancellationToken cancellationToken)
    {
        var scope = Scope();
        switch (outcome)
        {
            case { Exception: HttpRequestException or TimeoutRejectedException } when !cancellationToken.IsCancellationRequested:
                var error = outcome.Exception is HttpRequestException http ? http.HttpRequestError.ToString() : "timeout";
                var backoff = Backoff(attempt);
                var refusal = WhyNot(attempt, backoff, scope);
                ModelFaultLog.RequestFault(logger, scope.CallId, attempt, MaxAttempts, error, refusal ?? Retrying(backoff));
                return refusal is null;
            case { Exception: BrokenCircuitException }:
                ModelFaultLog.RequestFault(logger, scope.CallId, attempt, MaxAttempts, "circuit open", "not retried: the model failed too often lately, so requests are refused for a while");
                return false;
            case { Result: { IsSuccessStatusCode: false } response }:
                var status = (int)response.StatusCode;
                if (!IsTransient(response.StatusCode))
                {
                    ModelFaultLog.HttpFault(logger, scope.CallId, status, attempt, MaxAttempts, "not retried: the error is not transient");
                    return false;
                }

                var delay = Delay(response, attempt);
                var reason = WhyNot(attempt, delay, scope);
                ModelFaultLog.HttpFault(logger, scope.CallId, status, attempt, MaxAttempts, reason ?? Retrying(delay));
                return reason is null;
            default:
                return false;
        }
    }

    /// <summary>The wait before the attempt after <paramref name="attempt"/>: as the server asks, else the backoff.</summary>
    public TimeSpan Delay(HttpResponseMessage? response, int attempt) =>
        (response is null ? null : RetryAfter(response)) ?? Backoff(attempt);

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
