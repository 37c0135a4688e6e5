using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// Whose X-Forwarded-For, -Proto and -Host a process believes: loopback always, and the networks
/// (<c>ForwardedHeaders:KnownNetworks</c>, CIDR) and addresses (<c>ForwardedHeaders:KnownProxies</c>) a deployment
/// names, that of its gateway. From anyone else the headers are ignored, so a caller cannot claim another address
/// (the sign-in throttle) or TLS it did not use (Secure cookies, HSTS). A setting that is no network or address stops
/// the process at start, naming the key.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            var section = configuration.GetSection(Section);
            foreach (var (key, text) in Entries(section.GetSection("KnownNetworks")))
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                    ? network : throw Invalid(key, text, "a network in CIDR notation (e.g. 10.0.0.0/8)"));
            foreach (var (key, text) in Entries(section.GetSection("KnownProxies")))
                options.KnownProxies.Add(IPAddress.TryParse(text, out var proxy) ? proxy : throw Invalid(key, text, "an IP address (e.g. 10.0.0.7)"));
        });
        return services;
    }

    static IEnumerable<(string Key, string Text)> Entries(IConfigurationSection list) =>
        list.GetChildren().Where(entry => !string.IsNullOrWhiteSpace(entry.Value)).Select(entry => (entry.Path, entry.Value!.Trim()));

    static InvalidOperationException Invalid(string key, string text, string expected) =>
        new($"Setting {key} is \"{text}\", not {expected}.");
}
