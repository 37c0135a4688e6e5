using System.Net.Http.Json;
using System.Text.Json;

namespace Kommune20.Containers.Tests;

/// <summary>Prometheus in the compose network scrapes every process that runs and holds the alert rules.</summary>
public sealed class ObservabilityTests
{
    // What deploy-test starts: the hub's processes (the gateway on its metrics port), Heidelberg's node and the broker.
    static readonly string[] Scraped =
    [
        "registry:8080", "federation:8080", "library:8080", "meetings:8080", "projects:8080", "notifications:8080",
        "portal:8080", "heidelberg:8080", "gateway:9464", "rabbitmq:15692",
    ];

    readonly Deployment _deployment = new();

    [Fact]
    public async Task Prometheus_scrapes_every_running_process()
    {
        using var prometheus = new HttpClient { BaseAddress = _deployment.Prometheus };

        // A scrape every 15 s (deploy/prometheus/prometheus.yml): each target's first has happened within a minute.
        await Eventually.HoldsAsync(async () =>
        {
            var targets = await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/targets?state=active");
            var health = targets.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
                .ToDictionary(target => target.GetProperty("labels").GetProperty("instance").GetString()!, target => target.GetProperty("health").GetString());
            Assert.All(Scraped, target => Assert.Equal("up", health.GetValueOrDefault(target)));
        }, TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task Prometheus_evaluates_the_alert_rules()
    {
        using var prometheus = new HttpClient { BaseAddress = _deployment.Prometheus };

        var rules = await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/rules?type=alert");

        var names = rules.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(group => group.GetProperty("rules").EnumerateArray()).Select(rule => rule.GetProperty("name").GetString()).ToList();
        Assert.Contains("FederationLagging", names);
        Assert.Contains("OutboxBacklog", names);
        Assert.Contains("OutboxDeadLetters", names);
    }
}
