using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Telephony.Simulator;
using Orleans.Runtime;

namespace Campaign.Host.Api;

public sealed record SystemResponse(
    IReadOnlyList<SiloResponse> Silos, IReadOnlyDictionary<string, int> ActiveGrains, int Customers, TrunkStatus Trunk, ProvidersResponse Providers, CalendarResponse? Calendar);

/// <summary>
/// The simulator's calendar when the engine runs on one (<c>Telephony:Simulator:Calendar</c>): where it started, its
/// speed in simulated seconds per real second, and the engine's time now. Null on the real clock.
/// </summary>
public sealed record CalendarResponse(DateTimeOffset Start, double Speed, DateTimeOffset Now)
{
    public static CalendarResponse? From(IServiceProvider services) =>
        services.GetService<SimulatedCalendar>() is { } calendar ? new CalendarResponse(calendar.Start, calendar.Speed, calendar.GetUtcNow()) : null;
}

/// <summary>
/// What this host runs on, as configured: telephony (<c>Simulator</c>: nobody is really phoned), conversation engine
/// (and model) and storage.
/// </summary>
public sealed record ProvidersResponse(string Telephony, bool SimulatedCalls, string Conversation, string? Model, string Storage)
{
    public static ProvidersResponse From(IConfiguration configuration)
    {
        var telephony = Configured(configuration, "Telephony:Provider", "Simulator");
        var conversation = Configured(configuration, "Conversation:Provider", "Offline");
        var model = conversation.Equals("Offline", StringComparison.OrdinalIgnoreCase) ? null : configuration["Conversation:OpenAI:Model"];
        return new ProvidersResponse(telephony, telephony.Equals("Simulator", StringComparison.OrdinalIgnoreCase), conversation, model, Configured(configuration, "Storage:Provider", "Sqlite"));
    }

    private static string Configured(IConfiguration configuration, string key, string fallback) =>
        configuration[key] is { Length: > 0 } value ? value.Trim() : fallback;
}

/// <summary>A silo, its membership status and what it hosts now (<c>ActiveGrains</c> by type; empty when it is down).</summary>
public sealed record SiloResponse(string Address, string Status, IReadOnlyDictionary<string, int> ActiveGrains);

internal static class SystemEndpoints
{
    public static void MapSystemEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/system", GetAsync)
            .WithName("GetSystem")
            .WithTags("System")
            .Produces<SystemResponse>()
            .WithSummary("Silos of the cluster and active grains by type.")
            .WithDescription("calendar is null unless the simulator runs on a simulated calendar (Telephony:Simulator:Calendar), then its start, speed and the engine's time now.");
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains, ICustomerDirectory directory, IConfiguration configuration, IServiceProvider services, CancellationToken cancellationToken) =>
        Results.Ok(await LoadAsync(grains, directory, configuration, services, cancellationToken));

    public static async Task<SystemResponse> LoadAsync(
        IGrainFactory grains, ICustomerDirectory directory, IConfiguration configuration, IServiceProvider services, CancellationToken cancellationToken)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: false);
        var statistics = await management.GetSimpleGrainStatistics();
        var campaignGrains = statistics.Where(s => s.GrainType.StartsWith("Campaign.", StringComparison.Ordinal)).ToList();
        var active = ByType(campaignGrains);
        var silos = hosts.Select(h => new SiloResponse(
            h.Key.ToString(),
            h.Value.ToString(),
            ByType(campaignGrains.Where(s => s.SiloAddress.Equals(h.Key))))).ToList();
        var trunk = await grains.GetGrain<ITrunkGrain>(ITrunkGrain.Key).GetStatusAsync();
        return new SystemResponse(silos, active, await directory.CountAllAsync(cancellationToken), trunk, ProvidersResponse.From(configuration), CalendarResponse.From(services));
    }

    private static Dictionary<string, int> ByType(IEnumerable<SimpleGrainStatistic> statistics) => statistics
        .GroupBy(s => s.GrainType.Split(',')[0].Split('.').Last())
        .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
}

public sealed record HealthResponse(string Status);
