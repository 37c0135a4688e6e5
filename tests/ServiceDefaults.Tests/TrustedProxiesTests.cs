using System.Net;
using Kommune20.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>
/// A service believes X-Forwarded-For and -Proto only from loopback and the proxies its deployment names
/// (ForwardedHeaders:KnownNetworks, KnownProxies); a setting that is no network stops it at start, naming the key.
/// </summary>
public sealed class TrustedProxiesTests
{
    const string Caller = "203.0.113.9";

    [Theory]
    [InlineData("10.20.0.7", "10.20.0.0/16", null)]
    [InlineData("10.20.0.7", null, "10.20.0.7")]
    [InlineData("127.0.0.1", null, null)]
    public async Task A_trusted_proxys_forwarded_address_and_scheme_are_honoured(string proxy, string? network, string? knownProxy)
    {
        await using var app = await StartAsync(network, knownProxy);

        var seen = await RequestAsync(app, proxy);

        Assert.Equal($"{Caller} https", seen);
    }

    [Theory]
    [InlineData("10.30.0.7", "10.20.0.0/16", null)]
    [InlineData("10.20.0.8", null, "10.20.0.7")]
    [InlineData("10.20.0.7", null, null)]
    public async Task An_untrusted_senders_forwarded_headers_are_ignored(string sender, string? network, string? knownProxy)
    {
        await using var app = await StartAsync(network, knownProxy);

        var seen = await RequestAsync(app, sender);

        Assert.Equal($"{sender} http", seen);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.20.0.0", "not a network in CIDR notation")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "gateway", "not a network in CIDR notation")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.20.0.0/16", "not an IP address")]
    public async Task A_setting_that_is_no_network_stops_the_service_at_start_naming_the_key(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await StartAsync(new() { [key] = value });
        });

        Assert.Contains($"Setting {key} is \"{value}\", {expected}", error.Message);
    }

    static Task<WebApplication> StartAsync(string? network, string? knownProxy) => StartAsync(new()
    {
        ["ForwardedHeaders:KnownNetworks:0"] = network,
        ["ForwardedHeaders:KnownProxies:0"] = knownProxy,
    });

    static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["K20_DATA"] = TestEnvironment.NewDataDirectory("trusted-proxies");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/test/absender", (HttpContext http) => $"{http.Connection.RemoteIpAddress} {http.Request.Scheme}").AllowAnonymous();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>A request over plain HTTP from <paramref name="sender"/>, claiming to forward <see cref="Caller"/>'s HTTPS request.</summary>
    static async Task<string> RequestAsync(WebApplication app, string sender)
    {
        var context = await app.GetTestServer().SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Scheme = "http";
            http.Request.Path = "/test/absender";
            http.Connection.RemoteIpAddress = IPAddress.Parse(sender);
            http.Request.Headers["X-Forwarded-For"] = Caller;
            http.Request.Headers["X-Forwarded-Proto"] = "https";
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }
}
