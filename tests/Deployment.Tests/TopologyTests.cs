using System.Text.Json;

namespace Kommune20.Deployment.Tests;

/// <summary>deploy/topology.json names existing projects, every web project, distinct ports; the gateway routes only to its services.</summary>
public class TopologyTests
{
    static readonly Topology Topology = Repo.Topology;

    static IEnumerable<(string Name, string Project)> Processes() =>
        Topology.Services.Select(service => (service.Name, service.Project))
            .Append((Topology.Gateway.Name, Topology.Gateway.Project))
            .Concat(Topology.CityNodes.Nodes.Select(node => (node.Name, Topology.CityNodes.Project)));

    [Fact]
    public void Topology_names_existing_projects()
    {
        foreach (var (name, project) in Processes())
            Assert.True(File.Exists(Repo.PathOf(project)), $"{Topology.File}: {name} is built from {project}, which does not exist");
    }

    [Theory]
    [MemberData(nameof(Repo.WebProjectData), MemberType = typeof(Repo))]
    public void Every_web_project_is_in_the_topology(string project)
    {
        Assert.True(Processes().Any(process => process.Project == project),
            $"{project} is not in {Topology.File}: add it there, and ./kommune20 and the test hub start it (docs/ARCHITECTURE.md, Adding a service)");
    }

    [Fact]
    public void Names_and_ports_are_distinct()
    {
        var names = Processes().Select(process => process.Name).ToList();
        var ports = Topology.Services.SelectMany(service => new[] { service.Http, service.Grpc ?? 0 }).Where(port => port != 0)
            .Concat([Topology.Gateway.Http, Topology.Gateway.Grpc ?? 0])
            .Concat(Topology.CityNodes.Nodes.Select(node => node.Http))
            .ToList();

        Assert.Equal(names.Distinct(), names);
        Assert.Equal(ports.Distinct(), ports);
        Assert.Equal(Topology.CityNodes.Nodes.Select(node => node.MemberId).Distinct().Count(), Topology.CityNodes.Nodes.Count);
    }

    [Fact]
    public void A_client_has_its_secret_setting_and_needs_are_known()
    {
        foreach (var service in Topology.Services)
        {
            Assert.True((service.ClientId is null) == (service.ClientSecretKey is null), $"{service.Name}: clientId and clientSecretKey go together");
            Assert.All(service.Needs ?? [], need => Assert.Contains(need, new[] { "broker", "database", "registry" }));
        }
        Assert.Equal("registry", Topology.Services[0].Name);
    }

    /// <summary>The Registry's demo seed has a client for every hub service and demo node, speaking for the node's city.</summary>
    [Fact]
    public void Registry_seeds_the_topology_clients()
    {
        using var seed = JsonDocument.Parse(Repo.Read("services/Registry/Seed/clients.json"));
        var members = seed.RootElement.GetProperty("clients").EnumerateArray()
            .ToDictionary(client => client.GetProperty("clientId").GetString()!, client => client.GetProperty("member").GetString());

        foreach (var clientId in Topology.Services.Select(service => service.ClientId).OfType<string>())
            Assert.True(members.ContainsKey(clientId), $"services/Registry/Seed/clients.json has no client {clientId}");
        foreach (var node in Topology.CityNodes.Nodes)
            Assert.True(members.GetValueOrDefault(node.ClientId) == node.DisplayName, $"services/Registry/Seed/clients.json: {node.ClientId} should speak for {node.DisplayName}");
    }

    /// <summary>gateway/appsettings.json: a cluster per service (<c>library</c>, <c>registry-grpc</c>) at the topology's port, and no other.</summary>
    [Fact]
    public void Gateway_routes_to_topology_services_on_their_ports()
    {
        using var settings = JsonDocument.Parse(Repo.Read("gateway/appsettings.json"));
        var proxy = settings.RootElement.GetProperty("ReverseProxy");
        var expected = TopologyClusters().ToDictionary(cluster => cluster.Id, cluster => $"http://127.0.0.1:{cluster.Port}/");

        var clusters = proxy.GetProperty("Clusters").EnumerateObject().ToDictionary(
            cluster => cluster.Name,
            cluster => cluster.Value.GetProperty("Destinations").EnumerateObject().Select(destination => destination.Value.GetProperty("Address").GetString()).ToList());

        foreach (var (id, addresses) in clusters)
        {
            Assert.True(expected.ContainsKey(id), $"gateway/appsettings.json: cluster {id} is no service of {Topology.File}");
            Assert.All(addresses, address => Assert.True(address == expected[id], $"gateway/appsettings.json: cluster {id} at {address}, the topology says {expected[id]}"));
        }
        foreach (var route in proxy.GetProperty("Routes").EnumerateObject())
        {
            var cluster = route.Value.GetProperty("ClusterId").GetString()!;
            Assert.True(clusters.ContainsKey(cluster), $"gateway/appsettings.json: route {route.Name} goes to cluster {cluster}, which is not configured");
        }
        foreach (var service in Topology.Services)
            Assert.True(clusters.ContainsKey(service.Name), $"gateway/appsettings.json has no cluster for {service.Name}");
        Assert.Equal($"http://127.0.0.1:{Topology.ServiceNamed("registry").Http}/", settings.RootElement.GetProperty("Identity").GetProperty("Authority").GetString());
    }

    /// <summary>The clusters the gateway may have: one per service, named after it, and <c>&lt;name&gt;-grpc</c> for its gRPC port.</summary>
    public static IEnumerable<(string Id, int Port, bool Grpc)> TopologyClusters() =>
        Topology.Services.SelectMany(service => service.Grpc is { } grpc
            ? new[] { (service.Name, service.Http, false), ($"{service.Name}-grpc", grpc, true) }
            : [(service.Name, service.Http, false)]);
}
