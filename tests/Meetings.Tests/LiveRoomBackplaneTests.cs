using System.Net;
using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kommune20.Meetings.Tests;

/// <summary>
/// Meetings on a Redis backplane (<c>ConnectionStrings:Redis</c>): ready while Redis answers, not ready while it is away
/// (the check named <c>redis</c> says so); it starts all the same and keeps trying. The rooms across instances:
/// tests/EndToEnd.Tests/Meetings/LiveRoomAcrossInstancesTests.
/// </summary>
public sealed class LiveRoomBackplaneTests
{
    [Fact]
    public async Task Readiness_counts_the_backplane()
    {
        await using var onRedis = Meetings(TestEnvironment.Redis);
        await using var redisAway = Meetings($"127.0.0.1:{FreePorts.Next()}"); // nobody listens there

        var answering = await RedisCheckAsync(onRedis);
        Assert.True(answering.Status == HealthStatus.Healthy, answering.Description);
        var away = await RedisCheckAsync(redisAway);
        Assert.Equal(HealthStatus.Unhealthy, away.Status);
        Assert.Contains("is not connected", away.Description);
        using var probe = redisAway.CreateClient();
        using var ready = await probe.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    static IsolatedService<Program> Meetings(string redis) =>
        new("meetings-backplane", host => host.UseSetting("ConnectionStrings:Redis", redis));

    static async Task<HealthReportEntry> RedisCheckAsync(IsolatedService<Program> meetings)
    {
        var report = await meetings.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "redis");
        return Assert.Contains("redis", report.Entries);
    }
}
