using System.Net;
using System.Text.Json;
using Kommune20.ServiceDefaults.Security;

namespace Kommune20.Gateway.Tests;

public sealed class RateLimitTests
{
    static readonly Dictionary<string, string> ThreePerMinute = new()
    {
        ["RateLimiting:PermitLimit"] = "3",
        ["RateLimiting:WindowSeconds"] = "60",
    };

    [Fact]
    public async Task Fourth_request_of_a_client_waits_while_another_client_goes_on()
    {
        await using var hub = await GatewayWithRegistry.StartAsync(ThreePerMinute);
        var heidelberg = hub.SignedIn("node-heidelberg", Roles.CityNode);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await heidelberg.GetAsync("/api/registry/members")).StatusCode);

        using var rejected = await heidelberg.GetAsync("/api/registry/members");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.InRange(rejected.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());

        var freiburg = hub.SignedIn("node-freiburg", Roles.CityNode);
        Assert.Equal(HttpStatusCode.OK, (await freiburg.GetAsync("/api/registry/members")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await heidelberg.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Switched_off_the_limit_turns_no_client_away()
    {
        await using var hub = await GatewayWithRegistry.StartAsync(new Dictionary<string, string>(ThreePerMinute)
        {
            ["RateLimiting:Enabled"] = "false",
        });
        var heidelberg = hub.SignedIn("node-heidelberg", Roles.CityNode);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await heidelberg.GetAsync("/api/registry/members")).StatusCode);
    }
}
