using Kommune20.Testing;

namespace Kommune20.Federation.Tests;

/// <summary>Every route and gRPC method of Federation needs a policy unless it is listed here as open on purpose, and its API is documented.</summary>
public sealed class RouteInventoryTests
{
    static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["ANY /health/live"] = "probes: says only whether the process answers",
        ["GET /health/ready"] = "probes: whether the database and the broker answer",
        ["GET /health/ready/detail"] = "which dependency is down, answered only to a caller on the machine (404 otherwise)",
        ["GET /openapi/{documentName}.json"] = "the API's public description",
        ["GET /api/federation/practices"] = "the public practices the hub holds (network-only ones need a sign-in)",
        ["GET /api/federation/practices/{originMemberId}/{originId}"] = "one of them",
        ["GET /api/federation/members/{originMemberId}/publishers"] = "who publishes a member's records (its node, networks): the replicas' provenance, public like them",
    };

    [Fact]
    public async Task Nothing_is_open_by_accident_and_every_API_route_is_documented()
    {
        using var federation = new IsolatedService<Program>("federation");
        using var http = federation.CreateClient();

        await RouteInventory.AssertNothingOpenByAccidentAsync(federation.Services, http, OpenOnPurpose);
    }
}
