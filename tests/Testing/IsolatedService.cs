using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kommune20.Testing;

/// <summary>A hub service in-process over a data directory of its own (SQLite), with queues of its own on the test broker; the directory goes with it.</summary>
/// <param name="configure">More settings for the test, e.g. <see cref="TestTokens.AcceptTestTokens"/>.</param>
public sealed class IsolatedService<TProgram>(string name, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<TProgram> where TProgram : class
{
    readonly string _data = TestEnvironment.NewDataDirectory(name);

    /// <summary>The exchanges of its own on the test broker, where an <see cref="Upstream"/> publishes what it consumes.</summary>
    public string MessagingNamespace { get; } = Guid.NewGuid().ToString("N")[..8];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("K20_DATA", _data);
        builder.UseSetting("ConnectionStrings:RabbitMq", TestEnvironment.RabbitMq);
        builder.UseSetting("Messaging:Instance", MessagingNamespace);
        configure?.Invoke(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }
}
