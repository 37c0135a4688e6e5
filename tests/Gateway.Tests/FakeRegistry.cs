using System.Collections.Concurrent;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kommune20.Gateway.Tests;

/// <summary>
/// A real Kestrel server on a free loopback port that stands in for the Registry, so the gateway's routing,
/// forwarding and readiness probes go over real sockets. It remembers what reached it.
/// </summary>
public sealed class FakeRegistry : IAsyncDisposable
{
    readonly WebApplication app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>What the fake answers on <c>/health/ready</c>.</summary>
    public int ReadyStatus { get; set; } = StatusCodes.Status200OK;

    public string Address { get; private set; } = "";

    FakeRegistry(WebApplication app) => this.app = app;

    public static async Task<FakeRegistry> StartAsync()
    {
        // The test's output folder holds the gateway's appsettings.json; LoopbackServer leaves its Kestrel endpoints out.
        var registry = new FakeRegistry(LoopbackServer.CreateBuilder().Build());
        registry.MapEndpoints();
        await registry.app.StartAsync();
        registry.Address = LoopbackServer.AddressOf(registry.app).AbsoluteUri;
        return registry;
    }

    void MapEndpoints()
    {
        app.Use((context, next) =>
        {
            Received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path,
                context.Request.Headers.TraceParent.ToString(),
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers[VisitorHeader.Name].ToString()));
            return next(context);
        });
        app.MapGet("/api/registry/members", () => Results.Text("""[{"name":"Heidelberg"}]""", "application/json"));
        app.MapPost("/api/registry/members", () => Results.Created("/api/registry/members/1", null));
        app.MapGet("/openapi/v1.json", () => Results.Text("""{"openapi":"3.1.1","info":{"title":"Registry","version":"v1"},"paths":{}}""", "application/json"));
        app.MapGet("/health/ready", () => Results.StatusCode(ReadyStatus));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

public sealed record ReceivedRequest(string Method, string Path, string TraceParent, string Authorization, string Visitor);
