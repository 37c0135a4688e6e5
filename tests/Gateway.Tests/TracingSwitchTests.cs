using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Kommune20.Gateway.Tests;

public sealed class TracingSwitchTests
{
    [Fact]
    public async Task Gateway_traces_by_default()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        Assert.NotNull(hub.Gateway.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Tracing_switched_off_leaves_no_tracer_behind()
    {
        await using var hub = await GatewayWithRegistry.StartAsync(new Dictionary<string, string> { ["Telemetry:Tracing"] = "false" });

        Assert.Null(hub.Gateway.Services.GetService<TracerProvider>());
    }
}
