using Kommune20.Testing;

namespace Kommune20.CityNode.Tests;

/// <summary>Every route of a city node needs a policy unless it is listed here as open on purpose, and its API is documented.</summary>
[Collection(NodeCollection.Name)]
public sealed class RouteInventoryTests(CityNodeFactory node)
{
    internal static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["ANY /health/live"] = "probes: says only whether the process answers",
        ["GET /health/ready"] = "probes: whether the database answers",
        ["GET /health/ready/detail"] = "which dependency is down, answered only to a caller on the machine (404 otherwise)",
        ["GET /openapi/{documentName}.json"] = "the API's public description",
        ["POST /dapr/drafts"] = "the Dapr sidecar delivers drafts; the inbox checks the app token itself",
        ["GET /dapr/subscribe"] = "tells the Dapr sidecar which topic the inbox takes",
        ["GET /anmelden"] = "starts the sign-in",
        ["GET /fehler/{Status}"] = "the shared error page",
        ["POST /fehler/{Status}"] = "the shared error page, re-executed for a failed form",
        ["GET /nicht-gefunden"] = "the shared not-found page",
        ["POST /nicht-gefunden"] = "as GET",
        ["GET /nicht-erlaubt"] = "the shared access-denied page",
        ["POST /nicht-erlaubt"] = "as GET",
        ["GET /_framework/opaque-redirect"] = "Blazor's redirect after a form post",
        ["GET /{**path}"] = "static files: a file name that is no asset answers 404",
        ["HEAD /{**path}"] = "as GET",
    };

    [Fact]
    public async Task Nothing_is_open_by_accident_and_every_API_route_is_documented()
    {
        using var http = node.CreateClient();

        await RouteInventory.AssertNothingOpenByAccidentAsync(node.Services, http, OpenOnPurpose);
    }
}

/// <summary>The same for a network node, whose records live under the members' routes.</summary>
public sealed class NetworkRouteInventoryTests(NetworkNodeFactory node) : IClassFixture<NetworkNodeFactory>
{
    [Fact]
    public async Task Nothing_is_open_by_accident_and_every_API_route_is_documented()
    {
        using var http = node.CreateClient();

        await RouteInventory.AssertNothingOpenByAccidentAsync(node.Services, http, RouteInventoryTests.OpenOnPurpose);
    }
}
