using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Orleans.Runtime;

namespace Campaign.Host.Api;

public sealed record SystemResponse(IReadOnlyList<SiloResponse> Silos, IReadOnlyDictionary<string, int> ActiveGrains, int Customers, TrunkStatus Trunk);

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
            .WithSummary("Silos of the cluster and active grains by type.");
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains, ICustomerDirectory directory, CancellationToken cancellationToken) =>
        Results.Ok(await LoadAsync(grains, directory, cancellationToken));

    public static async Task<SystemResponse> LoadAsync(IGrainFactory grains, ICustomerDirectory directory, CancellationToken cancellationToken)
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
        return new SystemResponse(silos, active, await directory.CountAllAsync(cancellationToken), trunk);
    }

    private static Dictionary<string, int> ByType(IEnumerable<SimpleGrainStatistic> statistics) => statistics
        .GroupBy(s => s.GrainType.Split(',')[0].Split('.').Last())
        .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
}

public sealed record HealthResponse(string Status);
