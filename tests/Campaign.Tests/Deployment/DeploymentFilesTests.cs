using System.Text.RegularExpressions;
using Campaign.Host.Hosting;
using YamlDotNet.RepresentationModel;

namespace Campaign.Tests.Deployment;

/// <summary>
/// The container image, the compose cluster and the Kubernetes manifests, read as files (nothing here runs Docker or a
/// cluster): images, users, ports, probes, secrets and RBAC agree with the host and with each other, and every
/// setting they give is one the configuration reference documents.
/// </summary>
public class DeploymentFilesTests
{
    private static readonly string[] StandardPrefixes = ["POD_", "ASPNETCORE_", "DOTNET_", "OTEL_"];
    private static readonly string[] SecretKeys = ["storage-connection-string", "api-key", "admin-password-hash"];

    [Fact]
    public void The_image_builds_on_the_sdk_and_runs_on_aspnet_of_the_projects_major_as_a_non_root_user()
    {
        var major = Regex.Match(DeploymentFiles.Read("Directory.Build.props"), @"<TargetFramework>net(\d+)\.0</TargetFramework>").Groups[1].Value;
        Assert.NotEmpty(major);
        var lines = DeploymentFiles.Dockerfile();

        var stages = lines.Where(l => l.Instruction == "FROM").Select(l => l.Arguments).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Matches($@"^mcr\.microsoft\.com/dotnet/sdk:{major}\.0 AS (\w+)$", stages[0]);
        Assert.StartsWith($"mcr.microsoft.com/dotnet/aspnet:{major}.0", stages[1]);
        var build = stages[0].Split(' ')[^1];
        Assert.Contains(lines, l => l.Instruction == "RUN" && l.Arguments.Contains("dotnet publish src/Campaign.Host -c Release", StringComparison.Ordinal));
        var runtime = lines.SkipWhile(l => l.Arguments != stages[1]).ToList();
        Assert.Contains(runtime, l => l.Instruction == "COPY" && l.Arguments.StartsWith($"--from={build} ", StringComparison.Ordinal));

        var user = Assert.Single(runtime, l => l.Instruction == "USER").Arguments;
        Assert.True(user == "$APP_UID" || (int.TryParse(user.Split(':')[0], out var uid) && uid > 0), $"USER {user} is not a non-root user");
        Assert.Equal(["11111", "30000", "8080"], runtime.Where(l => l.Instruction == "EXPOSE").SelectMany(l => l.Arguments.Split(' ')).Order(StringComparer.Ordinal));

        var health = Assert.Single(runtime, l => l.Instruction == "HEALTHCHECK").Arguments;
        Assert.Contains($"\"{HealthCheckCommand.Switch}\"", health);
        Assert.Contains($"http://127.0.0.1:8080{HealthHosting.LivePath}\"", health);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", string.Join(' ', runtime.Where(l => l.Instruction == "ENV").Select(l => l.Arguments)));
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_data_and_git()
    {
        var ignored = DeploymentFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/data/", "**/node_modules/", ".git", "**/*.db" })
        {
            Assert.Contains(pattern, ignored);
        }

        Assert.DoesNotContain("silo-config/", ignored); // published with the host
    }

    [Fact]
    public void Compose_runs_three_cluster_silos_on_azurite_each_with_its_address_ports_and_health_check()
    {
        var compose = Assert.Single(DeploymentFiles.Yaml("deploy/compose/compose.yaml"));
        var services = compose.Entries("services").ToDictionary(e => e.Key, e => e.Value);
        Assert.StartsWith("mcr.microsoft.com/azure-storage/azurite", services["azurite"].Text("image"));
        Assert.NotNull(services["azurite"].At("healthcheck", "test"));

        var silos = services.Where(s => s.Value.Text("environment", "CAMPAIGN_PROFILE") == "cluster").ToList();
        Assert.Equal(3, silos.Count);
        foreach (var (name, silo) in silos)
        {
            var test = string.Join(' ', silo.Items("healthcheck", "test").Cast<YamlScalarNode>().Select(n => n.Value));
            Assert.Contains($"{HealthCheckCommand.Switch} http://127.0.0.1:8080{HealthHosting.LivePath}", test);
            Assert.Equal("http://+:8080", silo.Text("environment", "ASPNETCORE_URLS"));
            Assert.Equal("service_healthy", silo.Text("depends_on", "azurite", "condition"));
            Assert.Equal(silo.Text("environment", "Orleans__AdvertisedIP"), silo.Text("networks", "cluster", "ipv4_address"));
            Assert.True(TimeSpan.FromSeconds(int.Parse(silo.Text("environment", "Hosting__ShutdownGraceSeconds")!)) < Seconds(silo.Text("stop_grace_period")!), name);
            foreach (var secret in new[] { "Storage__AzureStorage__ConnectionString", "Auth__ApiKey", "Auth__Admin__PasswordHash" })
            {
                Assert.Matches(@"^\$\{[A-Z_]+(:\?[^}]*)?\}$", silo.Text("environment", secret)); // from .env, never written here
            }
        }

        foreach (var key in new[] { "Orleans__AdvertisedIP", "Orleans__SiloPort", "Orleans__GatewayPort" })
        {
            Assert.Equal(3, silos.Select(s => s.Value.Text("environment", key)).Distinct().Count());
        }

        var published = silos.Where(s => s.Value.At("ports") is not null).ToList();
        Assert.Equal("8080:8080", Assert.Single(Assert.Single(published).Value.Items("ports").Cast<YamlScalarNode>()).Value);
    }

    [Fact]
    public void Compose_takes_every_variable_from_the_env_example_which_holds_no_secret()
    {
        var example = DeploymentFiles.Read("deploy/compose/.env.example").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..].Trim());
        var used = Regex.Matches(DeploymentFiles.Read("deploy/compose/compose.yaml"), @"\$\{([A-Z_]+)").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(used.Order(), example.Keys.Order());
        Assert.Equal("", example["API_KEY"]);
        Assert.Equal("", example["ADMIN_PASSWORD_HASH"]);
        Assert.Contains("AccountName=devstoreaccount1", example["STORAGE_CONNECTION_STRING"]); // Azurite's public account only
    }

    [Fact]
    public void The_kubernetes_deployment_probes_ports_identity_secrets_and_grace_agree_with_the_host()
    {
        var deployment = Kubernetes("deployment.yaml", "Deployment");
        Assert.Equal("3", deployment.Text("spec", "replicas"));
        var pod = deployment.At("spec", "template")!;
        var labels = pod.Entries("metadata", "labels").ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);
        Assert.NotEmpty(labels["orleans/serviceId"]!);
        Assert.NotEmpty(labels["orleans/clusterId"]!);
        Assert.Equal("true", pod.Text("spec", "securityContext", "runAsNonRoot"));

        var container = Assert.Single(pod.Items("spec", "containers"));
        var ports = container.Items("ports").ToDictionary(p => p.Text("name")!, p => p.Text("containerPort")!);
        Assert.Equal(["11111", "30000", "8080"], ports.Values.Order(StringComparer.Ordinal));
        string Port(string? nameOrNumber) => ports.TryGetValue(nameOrNumber ?? "", out var number) ? number : nameOrNumber!;
        Assert.Equal(HealthHosting.LivePath, container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal(HealthHosting.ReadyPath, container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal("8080", Port(container.Text("livenessProbe", "httpGet", "port")));
        Assert.Equal("8080", Port(container.Text("readinessProbe", "httpGet", "port")));

        var env = container.Items("env").ToDictionary(e => e.Text("name")!, e => e);
        Assert.Equal("http://+:8080", env["ASPNETCORE_URLS"].Text("value"));
        Assert.Equal("true", env["Orleans__Kubernetes__Enabled"].Text("value"));
        Assert.Equal("metadata.name", env["POD_NAME"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", env["POD_IP"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"].Text("valueFrom", "fieldRef", "fieldPath"));
        var secrets = env.Values.Select(e => e.At("valueFrom", "secretKeyRef")).OfType<YamlMappingNode>().ToList();
        Assert.All(secrets, s => Assert.Equal("campaign-secrets", s.Text("name")));
        Assert.Equal(SecretKeys.Order(), secrets.Select(s => s.Text("key")!).Order());
        Assert.Equal("campaign-secrets", env["Auth__ApiKey"].Text("valueFrom", "secretKeyRef", "name"));

        var grace = int.Parse(env["Hosting__ShutdownGraceSeconds"].Text("value")!);
        Assert.True(int.Parse(pod.Text("spec", "terminationGracePeriodSeconds")!) > grace, "the kubelet would kill the pod before its grace is over");

        var service = Kubernetes("service.yaml", "Service");
        Assert.All(service.Items("spec", "ports"), p => Assert.Contains(Port(p.Text("targetPort")), ports.Values));
        Assert.All(service.Entries("spec", "selector"), s => Assert.Equal(((YamlScalarNode)s.Value).Value, labels[s.Key]));
        Assert.All(Kubernetes("pdb.yaml", "PodDisruptionBudget").Entries("spec", "selector", "matchLabels"), s => Assert.Equal(((YamlScalarNode)s.Value).Value, labels[s.Key]));
    }

    [Fact]
    public void The_pods_service_account_is_bound_to_a_role_that_may_do_what_orleans_kubernetes_hosting_does_with_pods()
    {
        var account = Kubernetes("deployment.yaml", "Deployment").Text("spec", "template", "spec", "serviceAccountName");
        Assert.Equal(account, Kubernetes("rbac.yaml", "ServiceAccount").Text("metadata", "name"));
        var binding = Kubernetes("rbac.yaml", "RoleBinding");
        Assert.Contains(binding.Items("subjects"), s => s.Text("kind") == "ServiceAccount" && s.Text("name") == account);
        Assert.Equal("Role", binding.Text("roleRef", "kind"));

        var role = Kubernetes("rbac.yaml", "Role");
        Assert.Equal(role.Text("metadata", "name"), binding.Text("roleRef", "name"));
        var podRules = role.Items("rules").Where(r => r.Items("resources").Cast<YamlScalarNode>().Any(n => n.Value == "pods")
            && r.Items("apiGroups").Cast<YamlScalarNode>().Any(n => n.Value == "")).ToList();
        var verbs = podRules.SelectMany(r => r.Items("verbs").Cast<YamlScalarNode>().Select(n => n.Value!)).ToHashSet();
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "patch", "delete" }, verbs);

        var kustomization = Assert.Single(DeploymentFiles.Yaml("deploy/k8s/kustomization.yaml"));
        Assert.Equal(["deployment.yaml", "pdb.yaml", "rbac.yaml", "service.yaml"], kustomization.Items("resources").Cast<YamlScalarNode>().Select(n => n.Value!).Order());
    }

    [Fact]
    public void Every_setting_the_deployment_files_give_is_documented_or_standard()
    {
        var documented = DeploymentFiles.DocumentedNames();
        var compose = Assert.Single(DeploymentFiles.Yaml("deploy/compose/compose.yaml"));
        var names = compose.Entries("services").SelectMany(s => s.Value.Entries("environment").Select(e => e.Key))
            .Concat(Kubernetes("deployment.yaml", "Deployment").Items("spec", "template", "spec", "containers").SelectMany(c => c.Items("env")).Select(e => e.Text("name")!))
            .Concat(DeploymentFiles.Dockerfile().Where(l => l.Instruction == "ENV").SelectMany(l => Regex.Matches(l.Arguments, @"(\w+)=").Select(m => m.Groups[1].Value)))
            .Distinct()
            .ToList();
        Assert.Contains("Orleans__Kubernetes__Enabled", names);

        var undocumented = names.Where(n => n.Contains("__", StringComparison.Ordinal)
                ? !documented.Contains(n.Replace("__", ":", StringComparison.Ordinal))
                : !StandardPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)) && !documented.Contains(n))
            .ToList();
        Assert.Empty(undocumented);
    }

    private static YamlMappingNode Kubernetes(string file, string kind) =>
        Assert.Single(DeploymentFiles.Yaml($"deploy/k8s/{file}"), d => d.Text("kind") == kind);

    private static TimeSpan Seconds(string composeDuration) =>
        TimeSpan.FromSeconds(int.Parse(composeDuration.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture));
}
