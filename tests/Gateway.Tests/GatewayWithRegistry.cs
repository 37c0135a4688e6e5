using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using Microsoft.AspNetCore.Http;

namespace Kommune20.Gateway.Tests;

/// <summary>A gateway in front of a fake Registry, both started for one test.</summary>
public sealed class GatewayWithRegistry : IAsyncDisposable
{
    public required FakeRegistry Registry { get; init; }
    public required GatewayFactory Gateway { get; init; }

    public static async Task<GatewayWithRegistry> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var registry = await FakeRegistry.StartAsync();
        return new GatewayWithRegistry { Registry = registry, Gateway = new GatewayFactory(registry.Address, settings) };
    }

    /// <summary>A gateway whose registry cluster points at a loopback port where nothing listens.</summary>
    public static GatewayFactory WithRegistryDown()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new GatewayFactory($"http://127.0.0.1:{port}/");
    }

    public HttpClient Anonymous() => Gateway.CreateClient();

    public HttpClient SignedIn(string subject, string role)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(subject, role));
        return client;
    }

    /// <summary>A request from a caller at <paramref name="address"/> (the in-process server has no sockets to tell).</summary>
    public async Task<HttpResponse> FromAsync(string address, string path, string? visitorHeader = null)
    {
        var context = await Gateway.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = path;
            if (visitorHeader is not null)
                context.Request.Headers[VisitorHeader.Name] = visitorHeader;
        });
        return context.Response;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Registry.DisposeAsync();
    }
}
