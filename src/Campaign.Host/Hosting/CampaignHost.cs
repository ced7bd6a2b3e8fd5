using System.Text.Json;
using System.Text.Json.Serialization;
using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Privacy;
using Campaign.Conversation.Hosting;
using Campaign.Grains;
using Campaign.Grains.Customers.Import;
using Campaign.Grains.Webhooks;
using Campaign.Host.Api;
using Campaign.Host.Demo;
using Campaign.Host.OpenApi;
using Campaign.Host.Security;
using Campaign.Host.Ui;
using Campaign.Storage.Sqlite;
using Campaign.Telephony;
using Campaign.Telephony.Acs;
using Campaign.Telephony.Twilio;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace Campaign.Host.Hosting;

/// <summary>Builds the one process that co-hosts the Orleans silo, the HTTP API and the admin web frontend.</summary>
public static class CampaignHost
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>The host as <see cref="Build(string[])"/>, with <paramref name="configure"/> applied to its services last (tests add exporters here).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ProfileConfiguration.WithoutProfile(args),
            ContentRootPath = AppContext.BaseDirectory,
            // Razor pages are found through the application name; under a test runner the entry assembly is another one.
            ApplicationName = typeof(CampaignHost).Assembly.GetName().Name,
        });
        var profile = ProfileConfiguration.Apply(builder.Configuration, args);
        var configuration = builder.Configuration;

        var storageProvider = configuration["Storage:Provider"] is { Length: > 0 } provider ? provider : "Sqlite";
        AzureStorageSettings? azure = storageProvider.ToLowerInvariant() switch
        {
            "sqlite" => null,
            "azurestorage" => AzureStorageSettings.Read(configuration, profile),
            _ => throw new InvalidOperationException(
                $"Storage:Provider '{storageProvider}' (profile '{profile}') is not supported; set Storage:Provider to Sqlite or AzureStorage."),
        };
        ConfiguredSecrets.EnsurePresent(configuration, profile);

        var databasePath = Path.GetFullPath(configuration["Storage:Sqlite:Path"] ?? Path.Combine("data", "campaign.db"), Environment.CurrentDirectory);
        var apiKey = ApiKeySettings.Resolve(configuration, Path.GetDirectoryName(databasePath)!);
        var admin = AdminCredentials.Resolve(configuration, Path.GetDirectoryName(databasePath)!);

        builder.Services.AddSingleton(apiKey);
        builder.Services.AddSingleton(admin);
        builder.Services.AddSingleton(configuration.GetSection("Auth:Login").Get<LoginThrottleOptions>() ?? new LoginThrottleOptions());
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddAdminAuthentication();
        builder.Services.AddAdminPages();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddApiDocument();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.Services.AddSingleton(new PhoneNormalizer(configuration["Customers:DefaultRegion"] ?? "US"));
        builder.Services.AddSingleton<CustomerValidator>();
        builder.Services.AddSingleton<CustomerImporter>();
        builder.Services.AddSingleton<ScriptTestRunner>();
        builder.Services.AddSingleton<CampaignQueries>();
        builder.Services.AddSingleton<InsightsQueries>();
        builder.Services.AddSingleton<BestTimes>();
        builder.Services.AddSingleton<IAnswerTimingPriors>(sp => sp.GetRequiredService<BestTimes>());
        builder.Services.Configure<ImportLimits>(configuration.GetSection("Import"));
        builder.Services.AddConversation(configuration, EngineClock.Key);
        builder.Services.AddCampaignEngine(configuration);
        // HTTP webhook URLs to a loopback host (a receiver on the developer's machine) are allowed in Development.
        builder.Services.PostConfigure<WebhookOptions>(o => o.AllowLoopbackHttp |= builder.Environment.IsDevelopment());
        builder.Services.AddTelephony(configuration, EngineClock.Key);

        builder.AddCampaignTelemetry();
        builder.Services.AddCampaignHealthChecks(azure is null ? databasePath : null, azure);

        if (azure is not null)
        {
            builder.Services.AddCampaignStores(azure);
            builder.Services.AddSharedKeyRing(azure);
        }

        builder.UseOrleans(silo =>
        {
            silo.ConfigureCluster(configuration, sharedMembership: azure is not null);
            if (azure is null)
            {
                silo.AddSqliteStorage(databasePath, StorageNames.All);
                silo.UseSqliteReminderService();
            }
            else
            {
                silo.UseAzureStorage(azure);
            }

            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod =
                configuration.GetValue("Orleans:MinimumReminderPeriod", TimeSpan.FromMinutes(1)));
            silo.AddDashboard();
            // Grain calls carry the caller's trace: a webhook's span is the parent of the grain calls it makes.
            silo.AddActivityPropagation();
            silo.AddStartupTask((services, _) =>
                services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(IRetentionGrain.Key).EnsureScheduledAsync());
            // Deliveries left open by a stop or a crash resume at once, not at the outboxes' next reminder.
            silo.AddStartupTask((services, _) => WebhookOutboxes.WakeAllAsync(services.GetRequiredService<IGrainFactory>()));
        });

        if (configuration.GetValue("Demo:Seed", false))
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
            // The demo shows transfers to a person: a few virtual customers ask for one, unless configured otherwise.
            if (configuration["Telephony:Simulator:PersonShare"] is null)
            {
                builder.Services.PostConfigure<Campaign.Telephony.Simulator.SimulatorOptions>(o => o.PersonShare = DemoScripts.PersonShare);
            }
        }

        // After the silo's services: hosted services stop in reverse order, so the drain runs before the silo stops.
        GracefulShutdown.Add(builder.Services, configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var twilio = app.Services.GetService<TwilioOptions>() is not null;
        if (twilio)
        {
            app.UseWebSockets();
        }

        app.UseAdminAssets();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/health", () => Results.Ok(new HealthResponse("ok")))
            .WithName("GetHealth")
            .WithTags("System")
            .Produces<HealthResponse>()
            .WithSummary("Whether the host is up; needs no API key.");
        app.MapCampaignHealthChecks();
        app.MapCampaignMetrics();
        app.MapOpenApi();
        app.MapScalarApiReference();

        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyEndpointFilter>();
        api.MapCustomerEndpoints();
        api.MapComplianceEndpoints();
        api.MapPrivacyEndpoints();
        api.MapSegmentEndpoints();
        api.MapScriptEndpoints();
        api.MapDoNotCallEndpoints();
        api.MapCampaignEndpoints();
        api.MapScheduleEndpoints();
        api.MapSystemEndpoints();
        api.MapInsightsEndpoints();
        api.MapWebhookEndpoints();

        if (twilio)
        {
            app.MapTwilioWebhooks();
        }

        if (app.Services.GetService<AcsOptions>() is not null)
        {
            app.MapAcsCallbacks();
        }

        app.MapAdminPages();
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization();

        if (apiKey.Generated)
        {
            Console.WriteLine($"API key (X-Api-Key header, shown only now): {apiKey.ApiKey}  (stored in {Path.GetDirectoryName(databasePath)}/api-key; delete that file to get a new one)");
        }

        if (admin.GeneratedPassword is { } password)
        {
            Console.WriteLine($"Admin login (shown only now): user '{admin.User}', password '{password}'  (hash stored in {Path.GetDirectoryName(databasePath)}/{AdminCredentials.FileName}; delete that file to get a new one)");
        }

        return app;
    }
}
