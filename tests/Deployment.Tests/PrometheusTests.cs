namespace Kommune20.Deployment.Tests;

/// <summary>
/// deploy/prometheus: Prometheus scrapes every Kommune20 process of docker-compose.yml, and its configuration and alert
/// rules pass promtool (Debian's prometheus package; the launcher's test command installs it when missing), the alerts'
/// own unit tests included.
/// </summary>
public class PrometheusTests
{
    const string Folder = "deploy/prometheus";

    /// <summary>The gateway's 8080 is public and serves no metrics; it shows them on this port when configured to.</summary>
    const int GatewayMetricsPort = 9464;

    [Fact]
    public void Prometheus_scrapes_every_process_compose_builds_on_its_own_port()
    {
        var targets = Yaml.Load($"{Folder}/prometheus.yml").Get("scrape_configs").Items()
            .Where(job => job.Text("job_name") == "kommune20")
            .SelectMany(job => job.Get("static_configs").Items())
            .SelectMany(config => config.Get("targets").Strings())
            .ToHashSet();

        var built = Compose.Services.Where(service => Compose.Project(service.Value) is not null).Select(service => service.Key).ToList();
        Assert.NotEmpty(built);
        var expected = built.Select(name => name == Repo.Topology.Gateway.Name ? $"{name}:{GatewayMetricsPort}" : $"{name}:8080").ToHashSet();
        Assert.Equal(expected.Order(), targets.Order());
    }

    [Fact]
    public void Compose_runs_Prometheus_with_this_configuration()
    {
        var prometheus = Compose.Services["prometheus"];

        Assert.Contains($"./{Folder}:/etc/prometheus:ro", prometheus.Get("volumes").Strings());
        Assert.Contains("--config.file=/etc/prometheus/prometheus.yml", prometheus.Get("command").Strings());
    }

    [Theory]
    [InlineData("check", "config", "prometheus.yml")]
    [InlineData("check", "rules", "alerts.yml")]
    [InlineData("test", "rules", "alerts.test.yml")]
    public void Promtool_accepts(string command, string subject, string file)
    {
        var (exitCode, output) = Promtool(command, subject, file);

        Assert.True(exitCode == 0, $"promtool {command} {subject} {file} failed:{Environment.NewLine}{output}");
    }

    static (int ExitCode, string Output) Promtool(params string[] arguments) => Tool.Run("promtool", Folder, arguments);
}
