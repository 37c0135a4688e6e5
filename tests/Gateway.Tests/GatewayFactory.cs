using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kommune20.Gateway.Tests;

/// <summary>
/// The gateway in-process with its registry and portal clusters pointed at <paramref name="registryAddress"/>. Tokens are checked
/// against <see cref="TestTokens"/> instead of the keys the production gateway fetches from the Registry.
/// </summary>
public sealed class GatewayFactory(string registryAddress, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ReverseProxy:Clusters:registry:Destinations:registry:Address", registryAddress);
        // The fake also stands in for the portal, which takes every path no API route claims.
        builder.UseSetting("ReverseProxy:Clusters:portal:Destinations:portal:Address", registryAddress);
        // And for Federation, the Library, Meetings, Projects and Notifications, whose readiness the gateway's readiness includes.
        builder.UseSetting("ReverseProxy:Clusters:federation:Destinations:federation:Address", registryAddress);
        builder.UseSetting("ReverseProxy:Clusters:library:Destinations:library:Address", registryAddress);
        builder.UseSetting("ReverseProxy:Clusters:meetings:Destinations:meetings:Address", registryAddress);
        builder.UseSetting("ReverseProxy:Clusters:projects:Destinations:projects:Address", registryAddress);
        builder.UseSetting("ReverseProxy:Clusters:notifications:Destinations:notifications:Address", registryAddress);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);

        builder.AcceptTestTokens();
    }
}
