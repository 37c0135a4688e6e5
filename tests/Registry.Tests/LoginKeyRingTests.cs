using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Registry.Tests;

/// <summary>
/// The login page's cookie and antiforgery token are protected with the shared key ring: in the data directory for one
/// instance, in Redis for several, so that a sign-in begun at one Registry instance goes on at another.
/// </summary>
public sealed class LoginKeyRingTests
{
    [Fact]
    public void Two_instances_sharing_the_key_ring_in_Redis_read_each_others_login_cookies()
    {
        var settings = new Dictionary<string, string?> { [SharedKeyRing.RedisSetting] = TestEnvironment.Redis };
        using var first = new RegistryApp(settings);
        using var second = new RegistryApp(settings);

        var cookie = Protector(first).Protect("anmeldung von svenja");

        Assert.Equal("anmeldung von svenja", Protector(second).Unprotect(cookie));
    }

    [Fact]
    public void One_instance_keeps_its_keys_in_its_data_directory()
    {
        using var registry = new RegistryApp();

        Protector(registry).Protect("anmeldung");

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(registry.DataDirectory, "keys"), "key-*.xml"));
    }

    static IDataProtector Protector(RegistryApp registry) =>
        registry.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("login");
}
