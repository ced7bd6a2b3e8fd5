using System.Net;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Campaign.Tests.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Campaign.Tests.Telemetry;

public class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_scraped_with_the_API_key_and_hold_Orleans_and_campaign_metrics()
    {
        await using var host = await TwilioHost.StartAsync("Gather", ["--Telemetry:Prometheus:Enabled", "true"], null);
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.NoAnswer], 780_000);
        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", stats.GetProperty("status").GetString());

        using (var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) })
        {
            using var refused = await anonymous.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var text = await ScrapeAsync(host.Client, "campaign_calls_ended_total");
        Assert.Contains("campaign_calls_ended_total{", text);
        Assert.Matches("campaign_calls_ended_total\\{[^}]*result=\"noAnswer\"", text);
        Assert.Contains("campaign_dials_total", text);
        Assert.Contains("campaign_dial_decisions_total{", text);
        Assert.Contains("campaign_import_rows_total{", text);
        Assert.Contains("campaign_trunk_capacity", text);
        Assert.Contains("campaign_trunk_lines_in_use", text);
        Assert.Contains("# TYPE campaign_calls_in_flight", text);
        Assert.Matches("(?m)^orleans_[a-z_]+", text);
    }

    [Fact]
    public async Task Open_metrics_need_no_key_and_are_off_unless_enabled()
    {
        var host = new InProcessHost(["--Telemetry:Prometheus:Enabled", "true", "--Telemetry:Prometheus:Open", "true"]);
        await host.InitializeAsync();
        try
        {
            var text = await ScrapeAsync(host.Anonymous, "orleans_");
            Assert.Matches("(?m)^orleans_[a-z_]+", text);
        }
        finally
        {
            await host.DisposeAsync();
        }

        var plain = new InProcessHost();
        await plain.InitializeAsync();
        try
        {
            using var response = await plain.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            await plain.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_OTLP_on_and_no_collector_the_host_starts_and_is_ready()
    {
        // The standard variable, here from the command line (configuration, as the environment would be): nothing
        // listens there, so exports fail quietly in the background and the host serves as usual.
        var endpoint = $"http://127.0.0.1:{FreePort.Next()}";
        var host = new InProcessHost(
            ["--Telemetry:Otlp:Enabled", "true", "--Telemetry:ServiceName", "campaign-test", "--OTEL_EXPORTER_OTLP_ENDPOINT", endpoint]);
        await host.InitializeAsync();
        try
        {
            using var ready = await host.Anonymous.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.NotNull(host.Services.GetService<TracerProvider>());
            Assert.NotNull(host.Services.GetService<MeterProvider>());
            Assert.Equal(new Uri(endpoint), host.Services.GetRequiredService<IOptionsMonitor<OtlpExporterOptions>>().Get("tracing").Endpoint);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>The exposition text once it holds <paramref name="expected"/> (instruments appear with their first measurement).</summary>
    private static async Task<string> ScrapeAsync(HttpClient client, string expected)
    {
        var text = "";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (text.Contains(expected, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(200);
        }

        return text;
    }
}
