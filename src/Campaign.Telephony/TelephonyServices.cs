using Campaign.Abstractions.Telephony;
using Campaign.Telephony.Acs;
using Campaign.Telephony.Simulator;
using Campaign.Telephony.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Campaign.Telephony;

public static class TelephonyServices
{
    /// <summary>
    /// Registers the provider named by <c>Telephony:Provider</c>: <c>Simulator</c> (default), <c>Twilio</c> or <c>Acs</c>.
    /// The simulator's virtual customers live on the engine's calendar (the <see cref="TimeProvider"/> keyed
    /// <paramref name="clockKey"/>), which <see cref="SimulatedCalendarSettings"/> may replace with a faster one.
    /// </summary>
    public static IServiceCollection AddTelephony(this IServiceCollection services, IConfiguration configuration, object? clockKey = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (SimulatedCalendarSettings.Read(configuration, TimeProvider.System) is { } calendar)
        {
            services.AddSingleton(calendar);
            if (clockKey is not null)
            {
                services.RemoveAllKeyed<TimeProvider>(clockKey);
                services.AddKeyedSingleton<TimeProvider>(clockKey, calendar);
            }
        }

        var provider = configuration["Telephony:Provider"] ?? "Simulator";
        if (provider.Equals("Twilio", StringComparison.OrdinalIgnoreCase))
        {
            return services.AddTwilio(TwilioSettings.Read(configuration));
        }

        if (provider.Equals("Acs", StringComparison.OrdinalIgnoreCase))
        {
            return services.AddAcs(AcsSettings.Read(configuration));
        }

        if (!provider.Equals("Simulator", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Telephony:Provider '{provider}' is not supported by this version; use 'Simulator', 'Twilio' or 'Acs'.");
        }

        services.Configure<SimulatorOptions>(configuration.GetSection("Telephony:Simulator"));
        services.AddSingleton(sp => new SimulatedTelephony(
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<Abstractions.Storage.ICustomerDirectory>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimulatorOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            clockKey is null ? sp.GetRequiredService<TimeProvider>() : sp.GetRequiredKeyedService<TimeProvider>(clockKey),
            sp.GetRequiredService<ILogger<SimulatedTelephony>>()));
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<SimulatedTelephony>());
        services.AddSingleton<ITextMessaging>(sp => new SimulatedTextMessaging(
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<ITextReplies>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimulatorOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SimulatedTextMessaging>>()));
        return services;
    }

    private static IServiceCollection AddTwilio(this IServiceCollection services, TwilioOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<TwilioUrls>();
        services.AddSingleton<TwilioTwiml>();
        TwilioRestClientFactory.AddHttpClient(services, options);
        services.AddSingleton(sp => TwilioRestClientFactory.Create(options, sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton<TwilioTelephony>();
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<TwilioTelephony>());
        services.AddSingleton<ITextMessaging, TwilioTextMessaging>();
        return services;
    }

    private static IServiceCollection AddAcs(this IServiceCollection services, AcsOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(options.Jwt);
        services.AddSingleton<AcsCallbackUrls>();
        AcsHttp.AddHttpClient(services, options);
        services.AddSingleton(sp => new AcsCallAutomationClient(AcsHttp.Create(sp), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AcsJwtValidator(
            options.Jwt,
            new HttpClient { Timeout = TimeSpan.FromSeconds(10) },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AcsJwtValidator>>()));
        services.AddSingleton<AcsTelephony>();
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<AcsTelephony>());
        services.AddSingleton<ITextMessaging>(sp => new AcsTextMessaging(AcsHttp.Create(sp), options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
