using System.Net;
using Orleans.Configuration;

namespace Campaign.Host.Hosting;

/// <summary>
/// <c>Orleans:*</c>: cluster and service ids, the silo and gateway ports, the address a silo advertises to the others,
/// the membership timings (<c>Orleans:Membership:*</c>, bound onto Orleans' <see cref="ClusterMembershipOptions"/>), and
/// Kubernetes hosting (<c>Orleans:Kubernetes:Enabled</c>).
/// </summary>
internal static class ClusterHosting
{
    public const string KubernetesKey = "Orleans:Kubernetes:Enabled";

    public static ISiloBuilder ConfigureCluster(this ISiloBuilder silo, IConfiguration configuration, bool sharedMembership)
    {
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        var serviceId = configuration["Orleans:ServiceId"] is { Length: > 0 } s ? s : "campaign-orleans";
        var clusterId = configuration["Orleans:ClusterId"] is { Length: > 0 } c ? c : "campaign-local";
        if (!sharedMembership)
        {
            // One silo with no shared table to meet others in.
            return silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = clusterId;
            o.ServiceId = serviceId;
        });
        var advertised = configuration["Orleans:AdvertisedIP"];
        if (string.IsNullOrWhiteSpace(advertised))
        {
            // No address given: advertise this machine's first non-loopback address and listen on every interface.
            silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
        }
        else if (IPAddress.TryParse(advertised.Trim(), out var address))
        {
            silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        }
        else
        {
            throw new InvalidOperationException($"Orleans:AdvertisedIP '{advertised}' is not an IP address; leave it empty to use this machine's address.");
        }

        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
        if (configuration.GetValue(KubernetesKey, false))
        {
            // In a pod: silo name, advertised address and cluster ids from the pod (POD_*, ORLEANS_* variables), and
            // silos whose pod is gone are declared dead at once instead of after missed probes.
            silo.UseKubernetesHosting();
        }

        return silo;
    }
}
