using System.Net;
using System.Text.Json;
using Kommune20.Testing;

namespace Kommune20.Gateway.Tests;

/// <summary>One service down (here the Library, whose cluster points at a port where nothing listens): the gateway goes on.</summary>
public sealed class ServiceDownTests
{
    static Task<GatewayWithRegistry> StartWithLibraryDownAsync() => GatewayWithRegistry.StartAsync(new Dictionary<string, string>
    {
        ["ReverseProxy:Clusters:library:Destinations:library:Address"] = $"http://127.0.0.1:{FreePorts.Next()}/",
    });

    [Fact]
    public async Task Its_routes_answer_503_with_problem_details_naming_it_and_when_to_try_again()
    {
        await using var hub = await StartWithLibraryDownAsync();

        using var response = await hub.Anonymous().GetAsync("/api/library/practices?q=Digitallotsen");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("library", problem.RootElement.GetProperty("service").GetString());
    }

    [Fact]
    public async Task Every_other_route_goes_on_and_the_gateway_stays_ready_degraded()
    {
        await using var hub = await StartWithLibraryDownAsync();
        using var http = hub.Anonymous();

        using var members = await http.GetAsync("/api/registry/members");
        using var ready = await http.GetAsync("/health/ready");
        var detail = await hub.FromAsync("127.0.0.1", "/health/ready/detail");

        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await new StreamReader(detail.Body).ReadToEndAsync();
        Assert.Contains("Degraded", report);
        Assert.Contains("library", report);
    }
}
