using Campaign.Abstractions.Telephony;
using Campaign.Telephony.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Telephony;

public static class TelephonyServices
{
    /// <summary>Registers the provider named by <c>Telephony:Provider</c> (Simulator by default).</summary>
    public static IServiceCollection AddTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Telephony:Provider"] ?? "Simulator";
        if (!provider.Equals("Simulator", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Telephony:Provider '{provider}' is not supported by this version; use 'Simulator'.");
        }

        services.Configure<SimulatorOptions>(configuration.GetSection("Telephony:Simulator"));
        services.AddSingleton<SimulatedTelephony>();
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<SimulatedTelephony>());
        return services;
    }
}
