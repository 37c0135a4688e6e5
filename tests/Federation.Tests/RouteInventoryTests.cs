using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kommune20.Federation.Tests;

/// <summary>Every route and gRPC method of Federation needs a policy unless it is listed here as open on purpose, and its API is documented.</summary>
public sealed class RouteInventoryTests
{
    /// <summary>Federation in-process over a SQLite file of its own, with queues of its own on the test broker.</summary>
    sealed class FederationApp : WebApplicationFactory<Program>
    {
        readonly string _data = TestEnvironment.NewDataDirectory("federation");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("K20_DATA", _data);
            builder.UseSetting("ConnectionStrings:RabbitMq", TestEnvironment.RabbitMq);
            builder.UseSetting("Messaging:Instance", Guid.NewGuid().ToString("N")[..8]);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(_data))
                Directory.Delete(_data, recursive: true);
        }
    }

    static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["ANY /health/live"] = "probes: says only whether the process answers",
        ["GET /health/ready"] = "probes: whether the database and the broker answer",
        ["GET /health/ready/detail"] = "which dependency is down, answered only to a caller on the machine (404 otherwise)",
        ["GET /openapi/{documentName}.json"] = "the API's public description",
        ["GET /api/federation/practices"] = "the public practices the hub holds (network-only ones need a sign-in)",
        ["GET /api/federation/practices/{originMemberId}/{originId}"] = "one of them",
    };

    [Fact]
    public async Task Nothing_is_open_by_accident_and_every_API_route_is_documented()
    {
        using var federation = new FederationApp();
        using var http = federation.CreateClient();

        await RouteInventory.AssertNothingOpenByAccidentAsync(federation.Services, http, OpenOnPurpose);
    }
}
