using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>Every route of the library needs a policy unless it is listed here as open on purpose, and its API is documented.</summary>
[Collection(LibraryCollection.Name)]
public sealed class RouteInventoryTests(LibraryFixture fixture)
{
    static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["ANY /health/live"] = "probes: says only whether the process answers",
        ["GET /health/ready"] = "probes: whether the database, the broker and the index answer",
        ["GET /health/ready/detail"] = "which dependency is down, answered only to a caller on the machine (404 otherwise)",
        ["GET /openapi/{documentName}.json"] = "the API's public description",
        ["GET /api/library/practices"] = "searching public practices (network-only ones need a sign-in)",
        ["GET /api/library/practices/{id}"] = "a public practice (network-only ones need a sign-in)",
        ["GET /api/library/practices/{id}/similar"] = "practices like a public one",
        ["GET /api/library/practices/{practiceId}/adoptions"] = "who adopted a public practice",
        ["GET /api/library/practices/{practiceId}/interests"] = "who wants to adopt a public practice",
        ["GET /api/library/members/{memberId}/adoptions"] = "what a member adopted, public",
        ["GET /api/library/members/{memberId}/portrait"] = "a member city's public portrait",
        ["GET /api/library/catalog.jsonld"] = "open data: the public practices",
        ["GET /api/library/catalog.ttl"] = "open data: the public practices",
        ["GET /api/library/catalog.csv"] = "open data: the public practices",
    };

    [Fact]
    public async Task Nothing_is_open_by_accident_and_every_API_route_is_documented()
    {
        using var http = fixture.Library.CreateClient();

        await RouteInventory.AssertNothingOpenByAccidentAsync(fixture.Library.Services, http, OpenOnPurpose);
    }
}
