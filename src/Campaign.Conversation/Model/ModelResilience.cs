using System.Net;
using Campaign.Conversation.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Campaign.Conversation.Model;

/// <summary>
/// The named HttpClient of the OpenAI-compatible model, with its resilience pipeline (Microsoft.Extensions.Http.Resilience),
/// outermost first: the turn's time budget (what is left of it, <see cref="ModelRequestScope"/>), the retries of
/// <see cref="ModelRetryDecision"/>, a circuit breaker that refuses at once while the endpoint keeps failing (the call
/// then ends politely at once instead of waiting out its budget on every turn), and a timeout per attempt.
/// The connector gets this HttpClient, so it does not retry on its own.
/// </summary>
public static class ModelResilience
{
    public const string HttpClientName = "conversation-model";

    public static IHttpClientBuilder AddModelHttpClient(this IServiceCollection services, OpenAIConversationOptions options)
    {
        var builder = services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("model", (pipeline, context) =>
        {
            var logger = context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger<ModelRetryDecision>()
                ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            var decision = new ModelRetryDecision(options, logger);

            // Waits and timeouts in real time, as the turn's budget is, whatever clock the services' TimeProvider keeps.
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions
            {
                TimeoutGenerator = _ => ValueTask.FromResult(Remaining(decision.Scope())),
            });
            pipeline.AddRetry(Retry(decision));
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
            });
            pipeline.AddTimeout(decision.Budget);
        });
        return builder;
    }

    private static HttpRetryStrategyOptions Retry(ModelRetryDecision decision)
    {
        var retry = new HttpRetryStrategyOptions
        {
            // One more than allowed: the decision itself stops at MaxAttempts, so that it logs the last failure too.
            MaxRetryAttempts = decision.MaxAttempts,
            UseJitter = false,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(decision.ShouldRetry(args.Outcome, args.AttemptNumber + 1, args.Context.CancellationToken)),
        };
        retry.DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(decision.Delay(args.Outcome.Result, args.AttemptNumber + 1));
        return retry;
    }

    /// <summary>What counts against the endpoint's health: server errors and no answer, not throttling or bad requests.</summary>
    private static bool IsOutage(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: var status } when (int)status >= 500 || status == HttpStatusCode.RequestTimeout => true,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };

    private static TimeSpan Remaining(ModelRequestScope scope) =>
        scope.Deadline - TimeProvider.System.GetUtcNow() is var left && left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
}
