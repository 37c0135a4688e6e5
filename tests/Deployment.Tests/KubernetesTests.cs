using YamlDotNet.RepresentationModel;

namespace Kommune20.Deployment.Tests;

public class KubernetesTests
{
    const string Folder = "deploy/k8s";

    /// <summary>The hub's parts run with two instances by a test (docs/OPERATIONS.md), or stateless.</summary>
    static readonly string[] ProvenWithTwoInstances = ["registry", "library", "portal", "gateway"];

    static IReadOnlyList<string> ManifestFiles() =>
        Directory.EnumerateFiles(Repo.PathOf(Folder), "*.yaml").Concat(Directory.EnumerateFiles(Repo.PathOf(Folder), "*.yml"))
            .Select(Repo.Relative).Order(StringComparer.Ordinal).ToList();

    static IReadOnlyList<(string File, YamlNode Document)> Documents() =>
        ManifestFiles().SelectMany(file => Yaml.LoadAll(file).Select(document => (file, document))).ToList();

    static IEnumerable<YamlNode> OfKind(string kind) =>
        Documents().Select(entry => entry.Document).Where(document => document.Text("kind") == kind);

    static IEnumerable<YamlNode> Containers(YamlNode deployment) => deployment.Get("spec", "template", "spec", "containers").Items();

    [Fact]
    public void Every_document_has_api_version_kind_and_name()
    {
        var documents = Documents();

        Assert.NotEmpty(documents);
        foreach (var (file, document) in documents)
        {
            Assert.False(string.IsNullOrWhiteSpace(document.Text("apiVersion")), $"{file}: a document without apiVersion");
            Assert.False(string.IsNullOrWhiteSpace(document.Text("kind")), $"{file}: a document without kind");
            Assert.False(string.IsNullOrWhiteSpace(document.Text("metadata", "name")), $"{file}: a {document.Text("kind")} without metadata.name");
        }
    }

    [Theory]
    [MemberData(nameof(Repo.WebProjectData), MemberType = typeof(Repo))]
    public void Every_web_project_has_a_deployment_with_health_probes(string project)
    {
        var image = Repo.ImageName(project) + ":";

        var containers = OfKind("Deployment").SelectMany(Containers)
            .Where(container => container.Text("image")?.StartsWith(image, StringComparison.Ordinal) == true)
            .ToList();

        Assert.True(containers.Count > 0, $"deploy/k8s has no Deployment running {image}* (built from {project})");
        foreach (var container in containers)
        {
            Assert.Equal("/health/ready", container.Text("readinessProbe", "httpGet", "path"));
            Assert.Equal("/health/live", container.Text("livenessProbe", "httpGet", "path"));
            var ports = container.Get("ports").Items().Select(port => port.Text("name")).ToHashSet();
            Assert.Contains(container.Text("readinessProbe", "httpGet", "port"), ports);
        }
    }

    /// <summary>The hub's Deployments are the services of deploy/topology.json and its gateway, each from its project, with what it needs.</summary>
    [Fact]
    public void Hub_deployments_are_the_topology_services()
    {
        var topology = Repo.Topology;
        var hub = OfKind("Deployment").Where(deployment => deployment.Text("metadata", "namespace") == "kommune20").ToList();

        foreach (var deployment in hub)
        {
            var name = deployment.Text("metadata", "name")!;
            var service = name == topology.Gateway.Name ? topology.Gateway : topology.Services.FirstOrDefault(candidate => candidate.Name == name);
            Assert.True(service is not null, $"deploy/k8s: Deployment {name} is no service of {Topology.File}");
            var container = Assert.Single(Containers(deployment));
            Assert.True(container.Text("image")?.StartsWith(Repo.ImageName(service.Project) + ":", StringComparison.Ordinal) == true,
                $"deploy/k8s: {name} runs {container.Text("image")}, but {Topology.File} builds it from {service.Project}");
            var ports = container.Get("ports").Items().Select(port => port.Text("name")).ToHashSet();
            if (service.Grpc is not null)
                Assert.True(ports.Contains("grpc"), $"deploy/k8s: {name} has a gRPC port in {Topology.File}, but its container no port named grpc");

            var environment = container.Get("env").Items().Select(variable => variable.Text("name")).ToHashSet();
            if (service.Needs?.Contains("database") == true)
                Assert.Contains($"ConnectionStrings__{name}", environment);
            if (service.NeedsRegistry)
                Assert.Contains("Registry__GrpcUrl", environment);
            if (service.ClientSecretKey is { } secretKey)
                Assert.Contains(secretKey, environment);
        }
        foreach (var service in topology.Services)
            Assert.Contains(hub, deployment => deployment.Text("metadata", "name") == service.Name);
    }

    [Fact]
    public void Gateway_clusters_point_at_kubernetes_services()
    {
        var gateway = Assert.Single(OfKind("Deployment"), deployment => deployment.Text("metadata", "name") == "gateway");
        var clusters = TopologyTests.TopologyClusters().ToDictionary(cluster => cluster.Id);
        var addresses = Containers(gateway).SelectMany(container => container.Get("env").Items())
            .Where(variable => variable.Text("name")?.StartsWith("ReverseProxy__Clusters__", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(addresses);
        foreach (var variable in addresses)
        {
            var id = variable.Text("name")!.Split("__")[2];
            Assert.True(clusters.TryGetValue(id, out var cluster), $"deploy/k8s/gateway.yaml: {id} is no cluster of {Topology.File}");
            var uri = new Uri(variable.Text("value")!);
            Assert.Equal($"{id.Replace("-grpc", "", StringComparison.Ordinal)}.kommune20.svc", uri.Host);
            Assert.Equal(cluster.Grpc ? 8081 : 8080, uri.Port);
        }
    }

    [Fact]
    public void Every_service_selects_a_deployment()
    {
        var deployments = OfKind("Deployment").ToList();

        foreach (var service in OfKind("Service"))
        {
            var selector = service.Get("spec", "selector").Entries().ToDictionary(entry => entry.Key, entry => ((YamlScalarNode)entry.Value).Value);
            Assert.Contains(deployments, deployment =>
                deployment.Text("metadata", "namespace") == service.Text("metadata", "namespace") &&
                selector.All(label => deployment.Text("spec", "template", "metadata", "labels", label.Key) == label.Value));
        }
    }

    [Fact]
    public void Secrets_are_referenced_by_name_and_never_committed()
    {
        Assert.DoesNotContain(Documents(), entry => entry.Document.Text("kind") == "Secret");

        var referenced = OfKind("Deployment").SelectMany(Containers)
            .SelectMany(container => container.Get("env").Items())
            .Select(variable => variable.Text("valueFrom", "secretKeyRef", "name"))
            .OfType<string>()
            .ToHashSet();
        Assert.Contains("kommune20-rabbitmq", referenced);
        Assert.Contains("kommune20-postgres", referenced);
    }

    [Fact]
    public void Config_maps_the_deployments_read_exist()
    {
        var configMaps = OfKind("ConfigMap").Select(map => map.Text("metadata", "name")).ToHashSet();

        var referenced = OfKind("Deployment").SelectMany(Containers)
            .SelectMany(container => container.Get("envFrom").Items())
            .Select(source => source.Text("configMapRef", "name"))
            .OfType<string>();
        foreach (var name in referenced)
            Assert.Contains(name, configMaps);
        Assert.Equal("Postgres", OfKind("ConfigMap").Single(map => map.Text("metadata", "name") == "kommune20-shared").Text("data", "Database__Provider"));
    }

    [Fact]
    public void Broker_is_a_rabbitmq_cluster_with_quorum_queues()
    {
        var cluster = Assert.Single(OfKind("RabbitmqCluster"));

        Assert.Equal("rabbitmq.com/v1beta1", cluster.Text("apiVersion"));
        Assert.Contains("default_queue_type = quorum", cluster.Text("spec", "rabbitmq", "additionalConfig"));
        Assert.Contains("default_queue_type = quorum", Repo.Read("deploy/rabbitmq/rabbitmq.conf"));
    }

    [Fact]
    public void Kustomization_lists_every_hub_manifest()
    {
        var kustomization = Yaml.Load($"{Folder}/kustomization.yaml");
        var resources = kustomization.Get("resources").Strings().ToHashSet();

        foreach (var resource in resources)
            Assert.True(File.Exists(Repo.PathOf($"{Folder}/{resource}")), $"kustomization.yaml lists missing {resource}");
        var hubFiles = ManifestFiles().Select(Path.GetFileName).Where(file => file is not "kustomization.yaml" && !file!.StartsWith("city-node", StringComparison.Ordinal));
        foreach (var file in hubFiles)
            Assert.True(resources.Contains(file!), $"kustomization.yaml does not list {file}");
    }

    /// <summary>
    /// Only what has run as two instances scales (an autoscaler from two, a disruption budget, no fixed replicas the
    /// autoscaler would fight); everything else runs one instance and never two at once, not even while rolling.
    /// </summary>
    [Fact]
    public void Only_what_is_proven_with_two_instances_scales()
    {
        var autoscaled = OfKind("HorizontalPodAutoscaler").ToDictionary(hpa => hpa.Text("spec", "scaleTargetRef", "name")!);
        var budgeted = OfKind("PodDisruptionBudget").Select(pdb => pdb.Text("spec", "selector", "matchLabels", "app.kubernetes.io/name")).ToHashSet();

        Assert.Equal(ProvenWithTwoInstances.Order(), autoscaled.Keys.Order());
        foreach (var deployment in OfKind("Deployment").Where(deployment => deployment.Text("metadata", "namespace") == "kommune20"))
        {
            var name = deployment.Text("metadata", "name")!;
            if (autoscaled.TryGetValue(name, out var hpa))
            {
                Assert.Equal("autoscaling/v2", hpa.Text("apiVersion"));
                Assert.True(int.Parse(hpa.Text("spec", "minReplicas")!) >= 2, $"{name}: its autoscaler lets it fall below two instances");
                Assert.Null(deployment.Text("spec", "replicas"));
                Assert.Contains(name, budgeted);
            }
            else
            {
                Assert.True(deployment.Text("spec", "replicas") == "1", $"{name} is not proven with two instances but asks for {deployment.Text("spec", "replicas") ?? "the default"}");
                Assert.Equal("Recreate", deployment.Text("spec", "strategy", "type"));
                Assert.DoesNotContain(name, budgeted);
            }
        }
    }

    /// <summary>The 10,800-city reconnect's peaks (docs/BENCHMARKS.md) fit under the heap .NET allows itself: 75 % of the limit.</summary>
    [Theory]
    [InlineData("federation", 1162)]
    [InlineData("gateway", 750)]
    public void Memory_limits_fit_the_measured_peaks(string name, int peakMegabytes)
    {
        var deployment = Assert.Single(OfKind("Deployment"), deployment => deployment.Text("metadata", "name") == name);
        var limit = Bytes(Assert.Single(Containers(deployment)).Text("resources", "limits", "memory")!);

        Assert.True(limit * 0.75 >= peakMegabytes * 1_000_000L, $"{name}: a memory limit of {limit / (1 << 20)} MiB leaves its heap less than its measured peak of {peakMegabytes} MB");
    }

    /// <summary>
    /// Nothing reaches a pod unless a policy admits it; the services' HTTP and gRPC ports admit only the gateway (and,
    /// for the Registry, the hub's processes, which ask it for keys, tokens and members); only the gateway is public.
    /// </summary>
    [Fact]
    public void Network_policies_deny_by_default_and_admit_only_the_gateway_to_the_services()
    {
        var policies = OfKind("NetworkPolicy").ToList();
        Assert.Contains(policies, policy => policy.Get("spec", "podSelector").Entries().Count == 0 && policy.Get("spec", "ingress") is null
            && policy.Get("spec", "policyTypes").Strings().Contains("Ingress"));

        foreach (var policy in policies)
        {
            var selected = Selected(policy.Get("spec", "podSelector"));
            foreach (var rule in policy.Get("spec", "ingress").Items())
            {
                var ports = rule.Get("ports").Items().Select(port => port.Text("port")).ToHashSet();
                if (rule.Get("from") is null)
                {
                    Assert.True(selected.SetEquals(["gateway"]), $"{policy.Text("metadata", "name")}: only the gateway is open to anyone");
                    continue;
                }
                if (!ports.Overlaps(["http", "grpc"]))
                    continue;
                var sources = rule.Get("from").Items().SelectMany(source => Selected(source.Get("podSelector"))).ToHashSet();
                Assert.True(sources.SetEquals(["gateway"]) || selected.SetEquals(["registry"]),
                    $"{policy.Text("metadata", "name")}: {string.Join(", ", sources)} reach the HTTP or gRPC ports of {string.Join(", ", selected)}");
            }
        }
    }

    /// <summary>The services believe the forwarded headers from the gateway's network; the portal calls the gateway's Service.</summary>
    [Fact]
    public void Services_trust_the_gateways_network_and_the_portal_calls_the_gateway()
    {
        var network = OfKind("ConfigMap").Single(map => map.Text("metadata", "name") == "kommune20-shared").Text("data", "ForwardedHeaders__KnownNetworks__0");
        Assert.True(System.Net.IPNetwork.TryParse(network, out _), $"config.yaml: ForwardedHeaders__KnownNetworks__0 {network} is no network");

        var portal = Assert.Single(OfKind("Deployment"), deployment => deployment.Text("metadata", "name") == "portal");
        var environment = Containers(portal).SelectMany(container => container.Get("env").Items()).ToDictionary(variable => variable.Text("name")!);
        Assert.Equal("gateway.kommune20.svc", new Uri(environment["Gateway__Address"].Text("value")!).Host);
        Assert.Equal("kommune20-redis", environment["DataProtection__Redis"].Text("valueFrom", "secretKeyRef", "name"));
    }

    /// <summary>The app names a pod selector picks (matchLabels, or matchExpressions with In).</summary>
    static HashSet<string> Selected(YamlNode? selector) =>
        selector.Get("matchLabels", "app.kubernetes.io/name") is YamlScalarNode { Value: { } name }
            ? [name]
            : selector.Get("matchExpressions").Items()
                .Where(expression => expression.Text("key") == "app.kubernetes.io/name" && expression.Text("operator") == "In")
                .SelectMany(expression => expression.Get("values").Strings()).ToHashSet();

    static long Bytes(string quantity) => quantity switch
    {
        _ when quantity.EndsWith("Gi", StringComparison.Ordinal) => long.Parse(quantity[..^2]) << 30,
        _ when quantity.EndsWith("Mi", StringComparison.Ordinal) => long.Parse(quantity[..^2]) << 20,
        _ => long.Parse(quantity),
    };
}
