using System.Net;
using Microsoft.AspNetCore.Http;

namespace Kommune20.Gateway.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Gateway_is_ready_when_the_registry_is_ready()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        using var response = await hub.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Gateway_is_not_ready_while_the_registry_is_not()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        hub.Registry.ReadyStatus = 503;

        using var response = await hub.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Which_backend_is_not_ready_is_told_only_to_a_caller_on_this_machine()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        hub.Registry.ReadyStatus = 503;

        var fromAfar = await hub.FromAsync("203.0.113.7", "/health/ready/detail");
        var local = await hub.FromAsync("127.0.0.1", "/health/ready/detail");

        Assert.Equal(StatusCodes.Status404NotFound, fromAfar.StatusCode);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, local.StatusCode);
        Assert.Contains("registry", await new StreamReader(local.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Many_readiness_requests_ask_the_backends_once()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();
        using var http = hub.Anonymous();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await http.GetAsync("/health/ready");
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        // The fake stands in for the registry, portal, federation, library, meetings, projects and notifications clusters: one probe
        // each, not forty.
        Assert.Equal(7, hub.Registry.Received.Count(request => request.Path == "/health/ready"));
    }

    [Fact]
    public async Task Gateway_is_not_ready_when_the_registry_is_down()
    {
        await using var gateway = GatewayWithRegistry.WithRegistryDown();

        using var response = await gateway.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
