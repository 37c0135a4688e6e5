using Kommune20.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>
/// Every service's logger factory hands out one logger per category without a lock (<see cref="SharedLoggers"/>), and a
/// remembered logger still writes to a provider added after it was made.
/// </summary>
public sealed class SharedLoggersTests
{
    [Fact]
    public async Task A_category_gets_one_logger_which_follows_providers_added_later()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();

        var logger = factory.CreateLogger("Kommune20.Votes");
        var written = new CapturedLogs();
        factory.AddProvider(written);
        factory.CreateLogger("Kommune20.Votes").LogWarning("Stimme {Number} angenommen", 7);

        Assert.IsType<SharedLoggers>(factory);
        Assert.Same(logger, factory.CreateLogger("Kommune20.Votes"));
        Assert.Equal(["Kommune20.Votes: Stimme 7 angenommen"], written.Lines.Where(line => line.StartsWith("Kommune20.Votes", StringComparison.Ordinal)));
    }
}
