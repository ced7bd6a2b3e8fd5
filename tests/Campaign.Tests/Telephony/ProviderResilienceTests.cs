using System.Diagnostics;
using System.Net;
using Campaign.Telephony.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Campaign.Tests.Telephony;

/// <summary>
/// The telephony providers' REST pipeline (<see cref="ProviderResilience"/>) over a scripted provider: what is tried
/// again, after how long, and what is refused.
/// </summary>
public sealed class ProviderResilienceTests : IDisposable
{
    private const string Calls = "https://provider.example.com/calls";
    private readonly List<ServiceProvider> _services = [];

    public void Dispose() => _services.ForEach(s => s.Dispose());

    [Fact]
    public async Task A_429_is_tried_again_after_the_seconds_its_Retry_After_asks()
    {
        var provider = new ScriptedProvider((_, n, _) => n == 1 ? Status(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1) : Status(HttpStatusCode.Created));
        var response = await Client(provider).PostAsync(Calls, new StringContent("to=+12125550100"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, provider.Arrivals.Count);
        Assert.InRange(provider.Arrivals[1] - provider.Arrivals[0], TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_503_is_tried_again_with_a_growing_backoff_until_the_provider_answers()
    {
        var provider = new ScriptedProvider((_, n, _) => n <= 2 ? Status(HttpStatusCode.ServiceUnavailable) : Status(HttpStatusCode.Created));
        var response = await Client(provider, new ProviderResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(200) })
            .PostAsync(Calls, new StringContent("to=+12125550100"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, provider.Arrivals.Count);
        Assert.True(provider.Arrivals[1] - provider.Arrivals[0] >= TimeSpan.FromMilliseconds(190));
        Assert.True(provider.Arrivals[2] - provider.Arrivals[1] >= TimeSpan.FromMilliseconds(390)); // doubled
    }

    [Fact]
    public async Task A_call_creation_that_failed_with_500_is_not_tried_again_but_a_read_is()
    {
        var create = new ScriptedProvider((_, _, _) => Status(HttpStatusCode.InternalServerError));
        var created = await Client(create).PostAsync(Calls, new StringContent("to=+12125550100"));
        Assert.Equal(HttpStatusCode.InternalServerError, created.StatusCode);
        Assert.Single(create.Arrivals); // the failed create may have dialled: a second one could ring the person twice

        var read = new ScriptedProvider((_, n, _) => n == 1 ? Status(HttpStatusCode.InternalServerError) : Status(HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.OK, (await Client(read).GetAsync(Calls + "/CA1")).StatusCode);
        Assert.Equal(2, read.Arrivals.Count);
    }

    [Fact]
    public async Task An_attempt_that_hangs_is_abandoned_a_read_is_tried_again_and_a_create_is_not()
    {
        var limits = new ProviderResilienceOptions { AttemptTimeout = TimeSpan.FromMilliseconds(300) };
        Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> hangFirst = async (_, n, cancellationToken) =>
        {
            if (n == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        };

        var read = new ScriptedProvider(hangFirst);
        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await Client(read, limits).GetAsync(Calls + "/CA1")).StatusCode);
        Assert.Equal(2, read.Arrivals.Count);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

        var create = new ScriptedProvider(hangFirst);
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => Client(create, limits).PostAsync(Calls, new StringContent("to=+12125550100")));
        Assert.Single(create.Arrivals);
    }

    [Fact]
    public async Task An_open_circuit_refuses_at_once_without_reaching_the_provider()
    {
        var provider = new ScriptedProvider((_, _, _) => Status(HttpStatusCode.InternalServerError));
        var client = Client(provider, new ProviderResilienceOptions { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) });
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.PostAsync(Calls, new StringContent("to=+12125550100"))).StatusCode);
        }

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.PostAsync(Calls, new StringContent("to=+12125550100")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"refused after {watch.Elapsed}");
        Assert.Equal(2, provider.Arrivals.Count);
    }

    private HttpClient Client(ScriptedProvider provider, ProviderResilienceOptions? options = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHttpClient("provider")
            .ConfigurePrimaryHttpMessageHandler(() => provider)
            .AddProviderResilience(ProviderResilience.IsRead, options);
        var built = services.BuildServiceProvider();
        _services.Add(built);
        return built.GetRequiredService<IHttpClientFactory>().CreateClient("provider");
    }

    private static Task<HttpResponseMessage> Status(HttpStatusCode status, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return Task.FromResult(response);
    }

    /// <summary>A provider that answers the n-th request (from 1) as told, noting when each arrived; it stops waiting when the request is abandoned.</summary>
    private sealed class ScriptedProvider(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        private readonly List<TimeSpan> _arrivals = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public IReadOnlyList<TimeSpan> Arrivals
        {
            get
            {
                lock (_arrivals)
                {
                    return [.. _arrivals];
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n;
            lock (_arrivals)
            {
                _arrivals.Add(_clock.Elapsed);
                n = _arrivals.Count;
            }

            return respond(request, n, cancellationToken);
        }
    }
}
