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
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile);
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
    public void Gateway_publishes_8080_and_8081()
    {
        var gateway = Compose.Services["gateway"];

        var ports = Compose.Ports(gateway);

        Assert.Equal([8080, 8081], ports.Select(port => port.Published).Order());
        Assert.Equal([8080, 8081], ports.Select(port => port.Target).Order());
        Assert.Equal("gateway/Kommune20.Gateway.csproj", Compose.Project(gateway));
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

    [Fact]
    public void Gateway_clusters_point_at_compose_services()
    {
        var environment = Compose.Environment(Compose.Services["gateway"]);
        var addresses = environment.Where(entry => entry.Key.StartsWith("ReverseProxy__Clusters__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(addresses);
        foreach (var (key, address) in addresses)
            Assert.True(Compose.Services.ContainsKey(new Uri(address).Host), $"{key}: {address} is no compose service");
    }

    static string? ArgumentAfter(IReadOnlyList<string> command, string flag)
    {
        var index = command.ToList().IndexOf(flag);
        return index >= 0 && index + 1 < command.Count ? command[index + 1] : null;
    }
}
