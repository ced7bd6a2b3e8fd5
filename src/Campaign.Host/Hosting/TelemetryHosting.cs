using System.Security.Cryptography;
using System.Text;
using Campaign.Abstractions.Telemetry;
using Campaign.Host.Security;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Campaign.Host.Hosting;

/// <summary>
/// OpenTelemetry for the host, off by default: <c>Telemetry:Otlp:Enabled</c> sends traces, metrics and logs to the OTLP
/// endpoint named by the standard <c>OTEL_EXPORTER_OTLP_*</c> variables; <c>Telemetry:Prometheus:Enabled</c> serves the
/// metrics at <c>/metrics</c> (behind the API key unless <c>Telemetry:Prometheus:Open</c>).
/// </summary>
public static class TelemetryHosting
{
    public const string DefaultServiceName = "campaign-orleans";
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Where spans come from besides ASP.NET Core's requests: outgoing HTTP (the providers, the model), Orleans' grain
    /// calls and storage, Semantic Kernel, and the product's own.
    /// </summary>
    public static readonly string[] ActivitySources =
    [
        "System.Net.Http",
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
        "Microsoft.Orleans.Storage",
        "Microsoft.SemanticKernel*",
        CampaignTelemetry.SourceName,
    ];

    /// <summary>Orleans' meter, ASP.NET Core's and Kestrel's, the HTTP client's, the runtime's, and the product's own.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Runtime",
        "Microsoft.SemanticKernel*",
        CampaignTelemetry.MeterName,
    ];

    public static bool OtlpEnabled(IConfiguration configuration) => configuration.GetValue("Telemetry:Otlp:Enabled", false);

    public static bool PrometheusEnabled(IConfiguration configuration) => configuration.GetValue("Telemetry:Prometheus:Enabled", false);

    /// <summary>
    /// The host's spans: each request (webhooks above all; probes and scrapes left out), and everything of
    /// <see cref="ActivitySources"/>.
    /// </summary>
    public static TracerProviderBuilder AddCampaignSources(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(o => o.Filter = http =>
            !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments(MetricsPath))
        .AddSource(ActivitySources);

    public static MeterProviderBuilder AddCampaignMeters(this MeterProviderBuilder metrics) => metrics.AddMeter(Meters);

    public static void AddCampaignTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = OtlpEnabled(configuration);
        var prometheus = PrometheusEnabled(configuration);
        if (!otlp && !prometheus)
        {
            return;
        }

        var serviceName = configuration["Telemetry:ServiceName"] is { Length: > 0 } name ? name : DefaultServiceName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddCampaignMeters();
            if (otlp)
            {
                metrics.AddOtlpExporter();
            }

            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }
        });

        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddCampaignSources()
                .AddOtlpExporter());
            telemetry.WithLogging(logging => logging.AddOtlpExporter(), options =>
            {
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = true;
            });
        }
    }

    /// <summary>The Prometheus scrape endpoint, when configured; behind the API key unless it is configured open.</summary>
    public static void MapCampaignMetrics(this WebApplication app)
    {
        if (!PrometheusEnabled(app.Configuration))
        {
            return;
        }

        var open = app.Configuration.GetValue("Telemetry:Prometheus:Open", false);
        var apiKey = app.Services.GetRequiredService<ApiKeySettings>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: open ? null : pipeline => pipeline.Use(async (http, next) =>
        {
            if (!HasApiKey(http, apiKey))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = ApiKeySettings.HeaderName;
                return;
            }

            await next(http);
        }), optionsName: null);
    }

    private static bool HasApiKey(HttpContext http, ApiKeySettings apiKey)
    {
        var presented = http.Request.Headers[ApiKeySettings.HeaderName].ToString();
        return presented.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(apiKey.ApiKey));
    }
}
