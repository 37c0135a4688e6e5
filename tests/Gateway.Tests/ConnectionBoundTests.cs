using System.Collections.Concurrent;
using System.Net;
using Kommune20.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kommune20.Gateway.Tests;

/// <summary>
/// A burst of requests to one service (thousands of city nodes asking for a token after an outage) waits for the gateway's
/// pooled connections to that service instead of opening one connection each, which once took the gateway past its file
/// limit.
/// </summary>
public sealed class ConnectionBoundTests
{
    const int Bound = 2;
    const int Burst = 12;

    [Fact]
    public async Task A_burst_to_a_slow_service_is_answered_over_no_more_connections_than_the_bound()
    {
        var connections = new ConcurrentDictionary<string, byte>();
        await using var service = LoopbackServer.CreateBuilder().Build();
        service.MapGet("/api/registry/members", async (HttpContext context) =>
        {
            connections.TryAdd(context.Connection.Id, 0);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            return Results.Text("[]", "application/json");
        });
        await service.StartAsync();
        await using var gateway = new GatewayFactory(LoopbackServer.AddressOf(service).AbsoluteUri,
            new Dictionary<string, string> { ["Gateway:MaxConnectionsPerDestination"] = Bound.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = gateway.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => http.GetAsync("/api/registry/members")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.InRange(connections.Count, 1, Bound);
    }
}
