using Microsoft.AspNetCore.Http;

namespace Kommune20.Gateway.Tests;

/// <summary>
/// Anonymous visitors reach the services through the portal; the portal hands back the visitor's address the gateway
/// vouched for on the page request, so each visitor has a bucket of its own and nobody can pick another's.
/// </summary>
public sealed class VisitorAddressTests
{
    const string Alice = "203.0.113.10";
    const string Bob = "203.0.113.20";
    const string Portal = "10.0.0.5";
    const string Members = "/api/registry/members";

    static readonly Dictionary<string, string> ThreePerMinute = new()
    {
        ["RateLimiting:PermitLimit"] = "3",
        ["RateLimiting:WindowSeconds"] = "60",
    };

    [Fact]
    public async Task Two_visitors_through_the_portal_have_a_bucket_each()
    {
        await using var hub = await GatewayWithRegistry.StartAsync(ThreePerMinute);
        var alice = await VisitorAsSeenByThePortalAsync(hub, Alice);
        var bob = await VisitorAsSeenByThePortalAsync(hub, Bob);

        for (var i = 0; i < 2; i++)
            Assert.Equal(StatusCodes.Status200OK, (await hub.FromAsync(Portal, Members, alice)).StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await hub.FromAsync(Portal, Members, alice)).StatusCode);

        Assert.Equal(StatusCodes.Status200OK, (await hub.FromAsync(Portal, Members, bob)).StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await hub.FromAsync(Portal, Members)).StatusCode);
    }

    [Fact]
    public async Task An_outside_caller_cannot_name_another_address()
    {
        await using var hub = await GatewayWithRegistry.StartAsync(ThreePerMinute);
        var alice = await VisitorAsSeenByThePortalAsync(hub, Alice);
        var forged = Bob + alice[alice.IndexOf(';')..];

        const string mallory = "198.51.100.66";
        for (var i = 0; i < 3; i++)
            Assert.Equal(StatusCodes.Status200OK, (await hub.FromAsync(mallory, Members, forged)).StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await hub.FromAsync(mallory, Members, $"{Bob}; made-up")).StatusCode);

        Assert.Equal(StatusCodes.Status200OK, (await hub.FromAsync(Bob, Members)).StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await hub.FromAsync(Portal, Members, alice)).StatusCode);
    }

    [Fact]
    public async Task Only_the_portal_gets_the_visitor_and_it_names_the_caller_not_what_the_caller_claims()
    {
        await using var hub = await GatewayWithRegistry.StartAsync();

        await hub.FromAsync(Alice, "/praxisbeispiele", $"{Bob}; made-up");
        await hub.FromAsync(Alice, Members, $"{Bob}; made-up");

        var page = Assert.Single(hub.Registry.Received, request => request.Path == "/praxisbeispiele");
        Assert.StartsWith(Alice + "; ", page.Visitor);
        var api = Assert.Single(hub.Registry.Received, request => request.Path == Members);
        Assert.Empty(api.Visitor);
    }

    /// <summary>The header the portal got with the visitor's page request, which also counts in the visitor's bucket.</summary>
    static async Task<string> VisitorAsSeenByThePortalAsync(GatewayWithRegistry hub, string address)
    {
        Assert.Equal(StatusCodes.Status404NotFound, (await hub.FromAsync(address, "/start")).StatusCode);
        return hub.Registry.Received.Last(request => request.Path == "/start").Visitor;
    }
}
