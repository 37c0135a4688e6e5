using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kommune20.Deployment.Tests;

public class ComposeTests
{
    static readonly string[] DemoCityNodes = ["heidelberg", "pforzheim", "heilbronn"];

    [Fact]
    public void Compose_file_is_valid_yaml_with_services()
    {
        var root = Yaml.Load(Compose.File);

        Assert.IsType<YamlMappingNode>(root);
        Assert.NotEmpty(Compose.Services);
        Assert.Contains("rabbitmq", Compose.Services.Keys);
        Assert.Contains("postgres", Compose.Services.Keys);
    }

    [Theory]
    [MemberData(nameof(Repo.WebProjectData), MemberType = typeof(Repo))]
    public void Every_web_project_is_a_compose_service(string project)
    {
        var services = Compose.Services.Where(service => Compose.Project(service.Value) == project).Select(service => service.Key).ToList();

        Assert.True(services.Count > 0, $"docker-compose.yml has no service built from {project} (build.args.PROJECT).");
    }

    [Fact]
    public void Every_built_service_uses_the_shared_dockerfile_and_an_existing_project_path_shape()
    {
        var dockerfile = Repo.Read("deploy/Dockerfile");
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0", dockerfile);
        // The runtime image is Microsoft's by default; ./kommune20 deploy-test names one made here (deploy/podman).
        Assert.Contains("ARG RUNTIME=mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile);
        Assert.Contains("FROM ${RUNTIME}", dockerfile);
        Assert.Contains("ARG PROJECT", dockerfile);

        foreach (var (name, service) in Compose.Services.Where(service => service.Value.Get("build") is not null))
        {
            Assert.True(service.Text("build", "context") == ".", $"{name}: build context must be the repo root");
            Assert.True(service.Text("build", "dockerfile") == "deploy/Dockerfile", $"{name}: must build with deploy/Dockerfile");
            var project = Compose.Project(service);
            Assert.False(string.IsNullOrEmpty(project), $"{name}: build arg PROJECT is missing");
            Assert.Matches(@"^(services/[A-Za-z]+|gateway)/Kommune20\.[A-Za-z]+\.csproj$", project);
            Assert.True(service.Text("image") == Repo.ImageName(project!) + ":latest", $"{name}: image should be {Repo.ImageName(project!)}:latest");
        }
    }

    [Fact]
    public void Images_are_published_ready_to_run_for_their_architecture()
    {
        var dockerfile = Repo.Read("deploy/Dockerfile");
        Assert.Contains("ARG TARGETARCH", dockerfile);
        Assert.Contains("arm64) rid=linux-arm64", dockerfile);
        Assert.Contains("*) rid=linux-x64", dockerfile);
        Assert.Contains("-r \"$rid\" --self-contained false -p:PublishReadyToRun=true", dockerfile);
    }

    [Fact]
    public void Gateway_publishes_the_topology_ports()
    {
        var gateway = Compose.Services[Repo.Topology.Gateway.Name];

        var ports = Compose.Ports(gateway);

        Assert.Equal([Repo.Topology.Gateway.Http, Repo.Topology.Gateway.Grpc!.Value], ports.Select(port => port.Published).Order());
        Assert.Equal([8080, 8081], ports.Select(port => port.Target).Order());
        Assert.Equal(Repo.Topology.Gateway.Project, Compose.Project(gateway));
    }

    /// <summary>Compose builds the processes of deploy/topology.json, each from its project, under its name: no other.</summary>
    [Fact]
    public void Compose_builds_the_topology()
    {
        var topology = Repo.Topology;
        var built = Compose.Services.Where(service => Compose.Project(service.Value) is not null)
            .ToDictionary(service => service.Key, service => Compose.Project(service.Value)!);

        foreach (var (name, project) in built)
        {
            Assert.True(File.Exists(Repo.PathOf(project)), $"docker-compose.yml: {name} is built from {project}, which does not exist");
            var expected = name == topology.Gateway.Name ? topology.Gateway.Project
                : topology.Services.FirstOrDefault(service => service.Name == name)?.Project
                ?? (topology.CityNodes.Nodes.Any(node => node.Name == name) ? topology.CityNodes.Project : null);
            Assert.True(expected == project, $"docker-compose.yml: {name} is built from {project}, but {Topology.File} has {(expected is null ? "no such process" : $"it built from {expected}")}");
        }
        foreach (var service in topology.Services)
            Assert.True(built.ContainsKey(service.Name), $"docker-compose.yml has no service {service.Name} ({Topology.File})");
    }

    [Fact]
    public void City_nodes_are_the_topology_demo_nodes_on_their_ports()
    {
        foreach (var node in Repo.Topology.CityNodes.Nodes)
        {
            Assert.True(Compose.Services.TryGetValue(node.Name, out var service), $"docker-compose.yml has no city node {node.Name}");
            var environment = Compose.Environment(service);

            Assert.Equal(node.MemberId.ToString(), environment["Node__MemberId"]);
            Assert.Equal(node.ClientId, environment["Node__ClientId"]);
            Assert.Equal(node.WebClientId, environment["Node__WebClientId"]);
            Assert.Contains(node.WebClientId, Compose.Environment(Compose.Services["registry"])
                .Where(setting => setting.Key.StartsWith("Identity__WebClients__", StringComparison.Ordinal)).Select(setting => setting.Value));
            Assert.Equal(node.DisplayName, environment["Node__Name"]);
            Assert.Equal([(node.Http, 8080)], Compose.Ports(service));
        }
    }

    /// <summary>What a service needs in the topology (database, the Registry, its client secret) it gets in compose.</summary>
    [Fact]
    public void Hub_services_get_what_the_topology_says_they_need()
    {
        var databases = Compose.Environment(Compose.Services["postgres"])["KOMMUNE20_DATABASES"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var needDatabases = Repo.Topology.Services.Where(service => service.Needs?.Contains("database") == true).Select(service => service.Name);
        Assert.Equal(needDatabases.Order(), databases.Order());

        foreach (var service in Repo.Topology.Services)
        {
            var environment = Compose.Environment(Compose.Services[service.Name]);
            if (service.Needs?.Contains("database") == true)
                Assert.True(environment.ContainsKey($"ConnectionStrings__{service.Name}"), $"{service.Name}: no ConnectionStrings__{service.Name}");
            if (service.Needs?.Contains("broker") == true)
                Assert.True(environment.ContainsKey("ConnectionStrings__RabbitMq"), $"{service.Name}: no ConnectionStrings__RabbitMq");
            if (service.NeedsRegistry)
                Assert.Equal("http://registry:8081/", environment.GetValueOrDefault("Registry__GrpcUrl"));
            if (service.ClientSecretKey is { } secretKey)
                Assert.True(environment.ContainsKey(secretKey), $"{service.Name}: no {secretKey}");
        }
    }

    [Fact]
    public void Each_city_node_has_a_daprd_sidecar_with_the_components_path()
    {
        var cityNodes = Compose.Services
            .Where(service => Compose.Project(service.Value)?.EndsWith("/Kommune20.CityNode.csproj", StringComparison.Ordinal) == true)
            .Select(service => service.Key)
            .ToList();
        Assert.Superset(DemoCityNodes.ToHashSet(), cityNodes.ToHashSet());

        foreach (var node in cityNodes)
        {
            var sidecars = Compose.Services.Values.Where(service => service.Text("network_mode") == $"service:{node}").ToList();
            var sidecar = Assert.Single(sidecars);

            Assert.StartsWith("daprio/daprd:", sidecar.Text("image"));
            var command = sidecar.Get("command").Strings();
            Assert.Equal(node, ArgumentAfter(command, "-app-id"));
            Assert.Equal("/components", ArgumentAfter(command, "-resources-path"));
            Assert.Contains(sidecar.Get("volumes").Strings(), volume => volume.StartsWith("./deploy/dapr/components:/components", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Hub_services_use_postgres_and_the_hub_broker()
    {
        var databases = Compose.Environment(Compose.Services["postgres"])["KOMMUNE20_DATABASES"].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        foreach (var (name, service) in Compose.Services)
        {
            var environment = Compose.Environment(service);
            if (!environment.ContainsKey("Database__Provider"))
                continue;

            Assert.Equal("Postgres", environment["Database__Provider"]);
            Assert.Equal("rabbitmq", new Uri(Compose.WithDefaults(environment["ConnectionStrings__RabbitMq"])).Host);
            foreach (var (key, value) in environment.Where(entry => entry.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && entry.Key != "ConnectionStrings__RabbitMq"))
            {
                Assert.Contains("Host=postgres;", value);
                var database = value.Split(';').Single(part => part.StartsWith("Database=", StringComparison.Ordinal))["Database=".Length..];
                Assert.True(databases.Contains(database), $"{name}: database {database} is not created by postgres (KOMMUNE20_DATABASES)");
                Assert.Equal($"ConnectionStrings__{database}", key);
            }
        }
    }

    /// <summary>
    /// The hub's network has a fixed subnet and every hub process behind the gateway believes the forwarded headers from
    /// it, where the gateway runs; the gateway, the edge, believes no one there. The portal calls the gateway by its
    /// service name, not the issuer's public address (itself, inside its container).
    /// </summary>
    [Fact]
    public void Hub_services_trust_the_gateways_network_and_the_portal_calls_the_gateway()
    {
        var subnet = Assert.Single(Compose.Root.Get("networks", "default", "ipam", "config").Items()).Text("subnet");
        Assert.True(System.Net.IPNetwork.TryParse(subnet, out _), $"docker-compose.yml: the default network's subnet {subnet} is no network");

        var gatewayName = Repo.Topology.Gateway.Name;
        var services = Compose.Services.Where(service => service.Key != gatewayName && Compose.Environment(service.Value).ContainsKey("Database__Provider")).ToList();
        Assert.NotEmpty(services);
        foreach (var (name, service) in services)
            Assert.True(Compose.Environment(service).GetValueOrDefault("ForwardedHeaders__KnownNetworks__0") == subnet,
                $"docker-compose.yml: {name} does not trust the hub's network {subnet} (ForwardedHeaders__KnownNetworks__0)");
        Assert.Equal("", Compose.Environment(Compose.Services[gatewayName])["ForwardedHeaders__KnownNetworks__0"]);

        var gateway = new Uri(Compose.Environment(Compose.Services["portal"])["Gateway__Address"]);
        Assert.Equal(Repo.Topology.Gateway.Name, gateway.Host);
        Assert.Equal(8080, gateway.Port);
    }

    /// <summary>
    /// A password, client secret or token has no fallback a stranger could guess: compose refuses to start until it is
    /// set (${NAME:?message}). Demo data (people with known passwords, clients) only when asked for with K20_DEMO=true.
    /// </summary>
    [Fact]
    public void No_secret_has_a_default_and_demo_data_is_off_unless_asked()
    {
        var secretWords = new[] { "PASSWORD", "SECRET", "TOKEN", "PASS", "KEY" };
        var guessable = Compose.Defaults().Where(entry => secretWords.Any(word => entry.Variable.Contains(word, StringComparison.Ordinal))).ToList();
        Assert.True(guessable.Count == 0, "docker-compose.yml: secrets with a default: " + string.Join(", ", guessable.Select(entry => $"{entry.Variable}:-{entry.Default}")));

        foreach (var (name, service) in Compose.Services)
        {
            foreach (var (key, value) in Compose.Environment(service))
            {
                var holdsSecret = secretWords.Any(word => key.EndsWith(word, StringComparison.OrdinalIgnoreCase))
                    || value.Contains("Password=", StringComparison.Ordinal) || value.Contains("amqp://", StringComparison.Ordinal);
                if (holdsSecret)
                    Assert.True(Regex.IsMatch(value, @"\$\{[A-Z0-9_]+:\?[^}]+\}"), $"docker-compose.yml: {name} {key} is not a required variable (${{NAME:?message}}): {value}");
            }
            if (Compose.Environment(service).TryGetValue("Seed__DemoData", out var demo))
                Assert.True(demo == "${K20_DEMO:-false}", $"docker-compose.yml: {name} seeds demo data unless asked: Seed__DemoData is {demo}");
        }
    }

    [Fact]
    public void Postgres_init_script_creates_the_databases_compose_asks_for()
    {
        var script = Repo.Read("deploy/postgres/10-create-databases.sh");
        var composeList = Compose.Environment(Compose.Services["postgres"])["KOMMUNE20_DATABASES"];

        Assert.Contains("KOMMUNE20_DATABASES", script);
        Assert.Contains($"${{KOMMUNE20_DATABASES:-{composeList}}}", script);
        Assert.Contains("CREATE DATABASE", script);
        Assert.Contains(Compose.Services["postgres"].Get("volumes").Strings(), volume => volume.StartsWith("./deploy/postgres:/docker-entrypoint-initdb.d", StringComparison.Ordinal));
    }

    [Fact]
    public void References_between_services_and_to_files_resolve()
    {
        var declaredVolumes = Compose.Root.Get("volumes").Entries().Keys.ToHashSet();

        foreach (var (name, service) in Compose.Services)
        {
            var dependencies = service.Get("depends_on") is YamlSequenceNode list ? list.Strings() : service.Get("depends_on").Entries().Keys.ToList();
            foreach (var dependency in dependencies)
                Assert.True(Compose.Services.ContainsKey(dependency), $"{name} depends on unknown service {dependency}");

            if (service.Text("network_mode") is { } mode && mode.StartsWith("service:", StringComparison.Ordinal))
                Assert.True(Compose.Services.ContainsKey(mode["service:".Length..]), $"{name}: network_mode {mode} names no service");

            foreach (var volume in service.Get("volumes").Strings())
            {
                var source = volume.Split(':')[0];
                if (source.StartsWith("./", StringComparison.Ordinal))
                    Assert.True(File.Exists(Repo.PathOf(source[2..])) || Directory.Exists(Repo.PathOf(source[2..])), $"{name}: {source} does not exist");
                else
                    Assert.True(declaredVolumes.Contains(source), $"{name}: volume {source} is not declared");
            }
        }
    }

    /// <summary>The gateway's clusters in compose are the topology's, at their containers: port 8080, or 8081 for gRPC.</summary>
    [Fact]
    public void Gateway_clusters_point_at_compose_services()
    {
        var environment = Compose.Environment(Compose.Services["gateway"]);
        var addresses = environment.Where(entry => entry.Key.StartsWith("ReverseProxy__Clusters__", StringComparison.Ordinal)).ToList();
        var clusters = TopologyTests.TopologyClusters().ToDictionary(cluster => cluster.Id);

        Assert.NotEmpty(addresses);
        foreach (var (key, address) in addresses)
        {
            var id = key.Split("__")[2];
            Assert.True(clusters.TryGetValue(id, out var cluster), $"{key}: {id} is no cluster of {Topology.File}");
            var uri = new Uri(address);
            Assert.True(Compose.Services.ContainsKey(uri.Host), $"{key}: {address} is no compose service");
            Assert.Equal(id.Replace("-grpc", "", StringComparison.Ordinal), uri.Host);
            Assert.Equal(cluster.Grpc ? 8081 : 8080, uri.Port);
        }
        foreach (var id in clusters.Keys)
            Assert.Contains(addresses, entry => entry.Key.StartsWith($"ReverseProxy__Clusters__{id}__", StringComparison.Ordinal));
    }

    static string? ArgumentAfter(IReadOnlyList<string> command, string flag)
    {
        var index = command.ToList().IndexOf(flag);
        return index >= 0 && index + 1 < command.Count ? command[index + 1] : null;
    }
}
