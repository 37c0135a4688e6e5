using YamlDotNet.RepresentationModel;

namespace Kommune20.Deployment.Tests;

public class KubernetesTests
{
    const string Folder = "deploy/k8s";

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
}
