using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Campaign.Telephony.Http;

/// <summary>
/// The resilience pipeline of a telephony provider's REST client (Microsoft.Extensions.Http.Resilience), outermost
/// first: a total timeout; retries of throttling (429) and gateway failures (502, 503, 504) with exponential backoff,
/// waiting as <c>Retry-After</c> asks (capped); a circuit breaker that refuses at once while the provider keeps failing;
/// a timeout per attempt. A plain 500, a lost connection or an attempt timeout is retried only where
/// <c>safeToRepeat</c> says a repeat cannot act twice: a call creation that failed that way may have dialled already.
/// </summary>
public static class ProviderResilience
{
    /// <summary>Reads can always be repeated.</summary>
    public static bool IsRead(HttpRequestMessage request) => request.Method == HttpMethod.Get;

    public static IHttpClientBuilder AddProviderResilience(
        this IHttpClientBuilder builder, Func<HttpRequestMessage, bool> safeToRepeat, ProviderResilienceOptions? options = null)
    {
        var limits = options ?? new ProviderResilienceOptions();
        builder.AddResilienceHandler("provider", pipeline =>
        {
            // Waits and timeouts in real time, whatever clock the services' TimeProvider keeps (tests' and the engine's may be virtual).
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(limits.TotalTimeout);
            if (limits.MaxRetries > 0)
            {
                pipeline.AddRetry(Retry(limits, safeToRepeat));
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = limits.FailureRatio,
                MinimumThroughput = limits.MinimumThroughput,
                SamplingDuration = limits.SamplingDuration,
                BreakDuration = limits.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
            });
            pipeline.AddTimeout(limits.AttemptTimeout);
        });
        return builder;
    }

    private static HttpRetryStrategyOptions Retry(ProviderResilienceOptions limits, Func<HttpRequestMessage, bool> safeToRepeat)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = limits.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = limits.BaseDelay,
            MaxDelay = limits.MaxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.GetRequestMessage(), safeToRepeat)),
        };

        // The library's Retry-After delay is not capped by MaxDelay: cap it here.
        var retryAfter = retry.DelayGenerator!;
        retry.DelayGenerator = async args =>
        {
            var asked = await retryAfter(args);
            return asked > limits.MaxDelay ? limits.MaxDelay : asked;
        };
        return retry;
    }

    /// <summary>What counts against the provider's health: server errors and no answer, not throttling (paced by the trunk) or refusals.</summary>
    private static bool IsOutage(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: var status } when (int)status >= 500 || status == HttpStatusCode.RequestTimeout => true,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, Func<HttpRequestMessage, bool> safeToRepeat)
    {
        var repeatable = request is not null && safeToRepeat(request);
        return outcome switch
        {
            { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
            { Result.StatusCode: HttpStatusCode.InternalServerError } => repeatable,
            { Exception: HttpRequestException or TimeoutRejectedException } => repeatable,
            _ => false,
        };
    }
}
