using System.Net;

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
        Assert.Contains("registry", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Gateway_is_not_ready_when_the_registry_is_down()
    {
        await using var gateway = GatewayWithRegistry.WithRegistryDown();

        using var response = await gateway.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("registry", await response.Content.ReadAsStringAsync());
    }
}
