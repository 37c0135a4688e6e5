using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kommune20.Library.Tests;

/// <summary>
/// The library in-process over a fresh SQLite database (or the settings' PostgreSQL) and index, with queues of its own on
/// the test broker, asking the real Registry (<see cref="RegistryProcess"/>) who the members are.
/// </summary>
public sealed class LibraryApp(RegistryProcess registry, Dictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    readonly string _data = TestEnvironment.NewDataDirectory("library");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("K20_DATA", _data);
        builder.UseSetting("ConnectionStrings:RabbitMq", TestEnvironment.RabbitMq);
        // Queues of its own (several libraries may run at once), exchanges of the fixture's Registry and publishers.
        builder.UseSetting("Messaging:Instance", Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Messaging:Namespace", registry.MessagingNamespace);
        builder.UseSetting("Identity:Issuer", registry.Address.AbsoluteUri);
        builder.UseSetting("Identity:Authority", registry.Address.AbsoluteUri);
        builder.UseSetting("Registry:GrpcUrl", registry.GrpcAddress.AbsoluteUri);
        builder.UseSetting("Library:ClientSecret", RegistryProcess.LibrarySecret);
        foreach (var (key, value) in settings ?? [])
            builder.UseSetting(key, value);
    }

    /// <summary>Starts the library and waits until it is ready: its database is there and its queues are bound on the broker.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var http = CreateClient();
        await Eventually.HoldsAsync(async () =>
        {
            using var ready = await http.GetAsync("/health/ready");
            if (!ready.IsSuccessStatusCode)
                Assert.Fail(await NotReadyAsync());
        });
        return http;
    }

    /// <summary>Which readiness checks fail and why, for the message of a start that did not get ready.</summary>
    async Task<string> NotReadyAsync()
    {
        var report = await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return string.Join("; ", report.Entries.Where(entry => entry.Value.Status != HealthStatus.Healthy)
            .Select(entry => $"{entry.Key}: {entry.Value.Description ?? entry.Value.Exception?.Message}"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }
}
