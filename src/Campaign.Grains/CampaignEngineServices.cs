using Campaign.Grains.Calls;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;
using Campaign.Grains.Schedules;
using Campaign.Grains.Trunk;
using Campaign.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Campaign.Grains;

public static class CampaignEngineServices
{
    /// <summary>
    /// Services the campaign, call and trunk grains need, with options bound from configuration. The call grain's
    /// conversation agent comes from <c>AddConversation</c> (Campaign.Conversation), and telephony from <c>AddTelephony</c>.
    /// </summary>
    public static IServiceCollection AddCampaignEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(EngineClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<Calls.DialGate>();
        services.Configure<Orleans.Serialization.OrleansJsonSerializerOptions>(GrainStateJson.Configure);
        services.Configure<TrunkOptions>(configuration.GetSection("Trunk"));
        services.Configure<CallOptions>(configuration.GetSection("Calls"));
        services.Configure<CampaignOptions>(configuration.GetSection("Campaigns"));
        // Checked at start: a malformed no-call date fails the start, naming the key, rather than being skipped.
        services.AddOptions<ComplianceOptions>().Bind(configuration.GetSection("Compliance")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceOptions>, ComplianceOptionsValidator>());
        services.Configure<ScheduleOptions>(configuration.GetSection("Schedules"));
        services.Configure<Privacy.PrivacyOptions>(configuration.GetSection(Privacy.PrivacyOptions.Section));
        services.AddSingleton<CallingHours>();
        services.AddSingleton<CustomerLocator>();
        services.AddSingleton<DialRules>();
        services.AddSingleton<Abstractions.Storage.ICallingPlaces>(sp => sp.GetRequiredService<CustomerLocator>());
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<CampaignScripts>();
        services.TryAddSingleton<Abstractions.Insights.IAnswerTimingPriors, Abstractions.Insights.NoAnswerTimingPriors>();
        services.AddSingleton<CampaignTiming>();
        services.AddSingleton<CampaignPartsFactory>();
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<Abstractions.Webhooks.IWebhookEvents, WebhookPublisher>();
        services.AddSingleton<Texts.InfoTextSender>();
        services.AddSingleton<Abstractions.Telephony.ITextReplies, Texts.TextReplies>();
        return services;
    }
}
