using System.Net;
using System.Text.RegularExpressions;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Observability;

/// <summary>
/// Each service's Prometheus endpoint on its own port: request latencies, MassTransit's and the domain's figures, read from
/// the database at scrape time; the gateway forwards no scrape and shows its own only on its metrics port.
/// </summary>
[Collection(SharedHub.Name)]
public sealed class MetricsTests(ObservedHub fixture)
{
    Hub Hub => fixture.Hub;

    [Fact]
    public async Task Federation_shows_its_request_latencies_outbox_and_the_lag_of_a_city_whose_node_is_ahead()
    {
        // Pforzheim's node says its log goes four versions beyond what it sent.
        using (var pforzheim = new FederationPush(Hub, "node-pforzheim"))
            await pforzheim.PublishAsync("kennzahlen-digitallotsen", "Digitallotsen mit Kennzahlen", lead: 4);
        var origin = Hub.Credentials.ClientNamed("node-pforzheim").MemberId;

        var metrics = await ScrapeAsync(Hub.Federation);

        Assert.Matches(Sample("http_server_request_duration_seconds_bucket", @"[^}]*http_route=""[^""]+""[^}]*", @"\d+"), metrics);
        Assert.Matches(Sample("kommune20_federation_lag", $@"[^}}]*origin=""{origin}""[^}}]*", "4"), metrics);
        Assert.Matches(Sample("kommune20_federation_last_push_age_seconds", $@"[^}}]*origin=""{origin}""[^}}]*", @"[\d.eE+-]+"), metrics);
        Assert.Matches(Sample("kommune20_outbox_pending", "[^}]*", @"\d+"), metrics);
        Assert.Matches(Sample("kommune20_outbox_dead_letters", "[^}]*", "0"), metrics);
    }

    [Fact]
    public async Task Notifications_count_webhook_deliveries_by_status_and_the_library_counts_the_messages_its_queues_received()
    {
        var notifications = await ScrapeAsync(Hub.Notifications);
        foreach (var status in new[] { "pending", "retrying", "delivered", "failed" })
            Assert.Matches(Sample("kommune20_webhooks_deliveries", $@"[^}}]*status=""{status}""[^}}]*", @"\d+"), notifications);

        // Freiburg's practice reaches the library through Federation's event and the library's consumer.
        using (var freiburg = new FederationPush(Hub, "node-freiburg"))
            await freiburg.PublishAsync("zaehlbare-digitallotsen", "Digitallotsen zum Zählen");
        await Eventually.HoldsAsync(async () =>
            Assert.Matches(Sample("messaging_masstransit_receive_ea_total", @"[^}]*messaging_masstransit_destination=""library-[^""]*practice-published""[^}]*", "[1-9][0-9]*"),
                await ScrapeAsync(Hub.Library)), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_gateway_forwards_no_scrape_and_shows_its_own_metrics_only_on_its_metrics_port()
    {
        using var gateway = new HttpClient { BaseAddress = Hub.Gateway };
        using var forwarded = await gateway.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, forwarded.StatusCode);
        Assert.DoesNotContain("# TYPE", await forwarded.Content.ReadAsStringAsync());

        Assert.Matches(Sample("http_server_request_duration_seconds_count", "[^}]*", @"\d+"), await ScrapeAsync(fixture.GatewayMetrics));
    }

    static async Task<string> ScrapeAsync(Uri service)
    {
        using var http = new HttpClient { BaseAddress = service };
        return await http.GetStringAsync("/metrics");
    }

    /// <summary>A line of Prometheus' text format: the metric, its labels, the value (and perhaps a timestamp).</summary>
    static Regex Sample(string metric, string labels, string value) =>
        new($@"(?m)^{metric}\{{{labels}\}} {value}( \d+)?$");
}
