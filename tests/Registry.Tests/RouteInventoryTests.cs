using Kommune20.Testing;

namespace Kommune20.Registry.Tests;

/// <summary>Every route of the Registry needs a policy unless it is listed here as open on purpose, and its API is documented.</summary>
public sealed class RouteInventoryTests
{
    static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["ANY /health/live"] = "probes: says only whether the process answers",
        ["GET /health/ready"] = "probes: whether the database answers",
        ["GET /health/ready/detail"] = "which dependency is down, answered only to a caller on the machine (404 otherwise)",
        ["GET /openapi/{documentName}.json"] = "the API's public description",
        ["GET /api/registry/members"] = "the member directory is public",
        ["GET /api/registry/members/{id}"] = "a member's public entry",
        ["GET /api/registry/members/{id}/members"] = "a network's members are public",
        ["GET /api/registry/members/{id}/networks"] = "a member's networks are public",
        ["GET /api/registry/networks"] = "every network and its members in one answer, public like each of them",
        ["GET /api/registry/members/{id}/memberships"] = "a network's members and their relay consent are public, as the portal shows who publishes for a member",
        ["GET /account/login"] = "the sign-in page",
        ["GET /account/login.css"] = "the sign-in page's stylesheet (no inline style under the CSP)",
        ["POST /account/login"] = "signing in (antiforgery, throttled)",
        ["POST /connect/token"] = "OpenIddict checks the client's secret itself (throttled)",
        ["GET /connect/authorize"] = "OpenIddict: sends a person who is not signed in to the sign-in page",
        ["POST /connect/authorize"] = "OpenIddict: as GET",
        ["GET /connect/logout"] = "OpenIddict: ends the issuer's session",
        ["POST /connect/logout"] = "OpenIddict: as GET",
    };

    [Fact]
    public async Task Nothing_is_open_by_accident_and_every_API_route_is_documented()
    {
        using var registry = new RegistryApp();
        using var http = registry.CreateClient();

        await RouteInventory.AssertNothingOpenByAccidentAsync(registry.Services, http, OpenOnPurpose);
    }
}
