using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Kommune20.ServiceDefaults;

/// <summary>
/// The keys that protect the session cookie, the antiforgery tokens and the sign-in's state (the portal's, a city
/// node's pages', and the Registry's login page). One process keeps them in
/// its data directory; several instances of the same application behind a load balancer share them in Redis
/// (<c>DataProtection:Redis</c>, a StackExchange.Redis configuration), so a cookie made by one instance is read by the
/// others. Each application has a key ring of its own, named after its cookie.
/// </summary>
public static class SharedKeyRing
{
    public const string RedisSetting = "DataProtection:Redis";

    public static IHostApplicationBuilder AddSharedKeyRing(this IHostApplicationBuilder builder, string applicationName)
    {
        var keys = builder.Services.AddDataProtection().SetApplicationName(applicationName);
        if (builder.Configuration[RedisSetting] is { Length: > 0 } redis)
        {
            // Connected at the first use of a key, not while the host is being built.
            var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis));
            keys.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), $"kommune20:data-protection:{applicationName}");
        }
        else
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataDirectory.Of(builder.Configuration), "keys")));
        }
        return builder;
    }
}
