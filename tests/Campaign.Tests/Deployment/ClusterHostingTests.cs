using Campaign.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Campaign.Tests.Deployment;

/// <summary>
/// <c>Orleans:Kubernetes:Enabled</c> is what the Kubernetes manifests set: with it the silo takes its identity from the
/// pod and runs Orleans' Kubernetes cluster agent; without it nothing of Kubernetes is registered.
/// </summary>
public sealed class ClusterHostingTests
{
    [Fact]
    public void Kubernetes_hosting_is_wired_only_when_enabled()
    {
        Assert.Contains("Orleans.Hosting.Kubernetes.KubernetesClusterAgent", KubernetesServices(enabled: true));
        Assert.Empty(KubernetesServices(enabled: false));
    }

    [Fact]
    public void Kubernetes_hosting_needs_shared_membership()
    {
        // One silo on localhost clustering has no cluster to meet: the Kubernetes switch is ignored there.
        Assert.Empty(KubernetesServices(enabled: true, sharedMembership: false));
    }

    private static List<string> KubernetesServices(bool enabled, bool sharedMembership = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ClusterHosting.KubernetesKey] = enabled ? "true" : "false" })
            .Build();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.ConfigureCluster(configuration, sharedMembership));
        // The types registered from Orleans' Kubernetes hosting (its serializer metadata is registered whatever the switch).
        return builder.Services
            .SelectMany(d => new[] { d.ServiceType, d.ImplementationType }.Concat(d.ServiceType.GenericTypeArguments))
            .OfType<Type>()
            .Where(t => t.Namespace == "Orleans.Hosting.Kubernetes")
            .Select(t => t.FullName ?? t.Name)
            .Distinct()
            .ToList();
    }
}
