using Campaign.Abstractions.Telephony;
using Campaign.Telephony.Simulator;
using Campaign.Telephony.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Telephony;

public static class TelephonyServices
{
    /// <summary>Registers the provider named by <c>Telephony:Provider</c>: <c>Simulator</c> (default) or <c>Twilio</c>.</summary>
    public static IServiceCollection AddTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Telephony:Provider"] ?? "Simulator";
        if (provider.Equals("Twilio", StringComparison.OrdinalIgnoreCase))
        {
            return services.AddTwilio(TwilioSettings.Read(configuration));
        }

        if (!provider.Equals("Simulator", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Telephony:Provider '{provider}' is not supported by this version; use 'Simulator' or 'Twilio'.");
        }

        services.Configure<SimulatorOptions>(configuration.GetSection("Telephony:Simulator"));
        services.AddSingleton<SimulatedTelephony>();
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<SimulatedTelephony>());
        return services;
    }

    private static IServiceCollection AddTwilio(this IServiceCollection services, TwilioOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<TwilioUrls>();
        services.AddSingleton<TwilioTwiml>();
        services.AddSingleton(_ => TwilioRestClientFactory.Create(options));
        services.AddSingleton<TwilioTelephony>();
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<TwilioTelephony>());
        return services;
    }
}
