using System.Net;
using Kommune20.Registry.Data;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Registry.Tests;

/// <summary>The Registry listens at once and is ready only after its database is migrated and the demo seeded.</summary>
public sealed class StartupTests : IDisposable
{
    readonly RegistryApp _registry = new(waitForStartupWork: false);

    public void Dispose() => _registry.Dispose();

    /// <summary>Startup work registered after the Registry's own, held until the test lets it finish.</summary>
    sealed class HeldWork(IServiceProvider services) : IStartupWork
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int MembersWhenRun { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            MembersWhenRun = await scope.ServiceProvider.GetRequiredService<RegistryDb>().Members.CountAsync(cancellationToken);
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task Readiness_waits_for_the_database_and_the_seed_while_liveness_answers_at_once()
    {
        HeldWork? held = null;
        using var registry = _registry.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddSingleton<IStartupWork>(provider => held = new HeldWork(provider))));
        using var http = registry.CreateClient();

        using var live = await http.GetAsync("/health/live");
        using var notReady = await http.GetAsync("/health/ready");
        var members = http.GetAsync("/api/registry/members");
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.False(members.IsCompleted, "a request was served before the startup work was done");
        await Eventually.HoldsAsync(() =>
        {
            Assert.True(held is { MembersWhenRun: > 0 }, "the seed was not in the database before the last startup work");
            return Task.CompletedTask;
        });

        held!.Release.SetResult();

        using var served = await members;
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        await ReadyAsync(http);
    }

    [Fact]
    public async Task A_restart_on_a_seeded_database_seeds_nothing_again()
    {
        var first = await SeededAsync(_registry);
        var credentials = await File.ReadAllTextAsync(_registry.CredentialsFile);

        using var restarted = new RegistryApp(new() { ["K20_DATA"] = _registry.DataDirectory, ["Seed:CredentialsFile"] = _registry.CredentialsFile });
        var second = await SeededAsync(restarted);

        Assert.True(first.Members > 0 && first.People > 0);
        Assert.Equal(first, second);
        Assert.Equal(credentials, await File.ReadAllTextAsync(_registry.CredentialsFile));
    }

    static async Task<(int Members, int People)> SeededAsync(RegistryApp registry)
    {
        using var http = registry.CreateClient();
        await ReadyAsync(http);
        await using var scope = registry.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        return (await db.Members.CountAsync(), await db.People.CountAsync());
    }

    /// <summary>Readiness is cached for a moment (<see cref="Readiness.NotReadyFor"/>), so it turns 200 shortly after the gate opens.</summary>
    static Task ReadyAsync(HttpClient http) => Eventually.HoldsAsync(async () =>
    {
        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    });
}
