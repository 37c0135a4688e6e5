using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Portal.Tests;

/// <summary>
/// Two instances of a web application with the key ring in Redis (the run's throwaway server) read each other's
/// protected cookies; an instance with keys of its own, or another application, cannot.
/// </summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task Instances_sharing_the_key_ring_read_each_others_cookies()
    {
        var application = "k20-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = Instance(application, TestEnvironment.Redis);
        await using var second = Instance(application, TestEnvironment.Redis);
        await using var alone = Instance(application, redis: null);
        await using var other = Instance(application + "-other", TestEnvironment.Redis);

        var cookie = Protector(first).Protect("sitzung von svenja");

        Assert.Equal("sitzung von svenja", Protector(second).Unprotect(cookie));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(alone).Unprotect(cookie));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(other).Unprotect(cookie));
    }

    static WebApplication Instance(string application, string? redis)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["K20_DATA"] = TestEnvironment.NewDataDirectory("key-ring");
        builder.Configuration[SharedKeyRing.RedisSetting] = redis;
        builder.AddSharedKeyRing(application);
        return builder.Build();
    }

    static IDataProtector Protector(WebApplication app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie");
}
