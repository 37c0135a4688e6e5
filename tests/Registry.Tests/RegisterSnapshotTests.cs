using System.Net.Http.Json;
using Kommune20.Registry.Members;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Registry.Tests;

/// <summary>The in-memory register other services ask over gRPC follows every commit of the office at once.</summary>
public sealed class RegisterSnapshotTests : IDisposable
{
    readonly RegistryApp _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task A_suspension_and_a_new_network_membership_show_in_the_next_lookup()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        var snapshot = _registry.Services.GetRequiredService<RegisterSnapshot>();
        var before = await snapshot.GetAsync(CancellationToken.None);
        Assert.True(before.Members[Samples.Pforzheim].MayVote);
        Assert.False(before.Graph.MayRelay(Samples.Metropolregion, Samples.Pforzheim));

        using var suspended = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Pforzheim}",
            new { kind = "city", name = "Pforzheim", ags = "08231000", status = "suspended" });
        suspended.EnsureSuccessStatusCode();
        using var joined = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Metropolregion}/members/{Samples.Pforzheim}", new { relayAllowed = true });
        joined.EnsureSuccessStatusCode();

        var after = await snapshot.GetAsync(CancellationToken.None);
        Assert.False(after.Members[Samples.Pforzheim].MayVote);
        Assert.True(after.Graph.MayRelay(Samples.Metropolregion, Samples.Pforzheim));
        Assert.Same(after, await snapshot.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_withdrawn_consent_and_an_ended_membership_show_in_the_next_lookup()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        var snapshot = _registry.Services.GetRequiredService<RegisterSnapshot>();
        Assert.True((await snapshot.GetAsync(CancellationToken.None)).Graph.MayRelay(Samples.Metropolregion, Samples.Heidelberg));

        using (var withdrawn = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Metropolregion}/members/{Samples.Heidelberg}", new { relayAllowed = false }))
            withdrawn.EnsureSuccessStatusCode();
        Assert.False((await snapshot.GetAsync(CancellationToken.None)).Graph.MayRelay(Samples.Metropolregion, Samples.Heidelberg));

        using (var given = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Metropolregion}/members/{Samples.Heidelberg}", new { relayAllowed = true }))
            given.EnsureSuccessStatusCode();
        Assert.True((await snapshot.GetAsync(CancellationToken.None)).Graph.MayRelay(Samples.Metropolregion, Samples.Heidelberg));
        using (var ended = await office.DeleteAsync($"/api/registry/members/{Samples.Metropolregion}/members/{Samples.Heidelberg}"))
            ended.EnsureSuccessStatusCode();

        var after = await snapshot.GetAsync(CancellationToken.None);
        Assert.False(after.Graph.MayRelay(Samples.Metropolregion, Samples.Heidelberg));
        Assert.DoesNotContain(Samples.Heidelberg, after.Graph.MembersOf(Samples.Metropolregion, transitive: false));
    }

    [Fact]
    public async Task Its_own_events_coming_back_keep_the_snapshot_and_another_instances_discard_it()
    {
        var snapshot = _registry.Services.GetRequiredService<RegisterSnapshot>();
        var staged = Guid.NewGuid();
        snapshot.Staged([staged]);
        var current = await snapshot.GetAsync(CancellationToken.None);

        snapshot.Heard(staged);
        Assert.Same(current, await snapshot.GetAsync(CancellationToken.None));

        snapshot.Heard(staged); // redelivered: by now it could as well be another instance's
        var rebuilt = await snapshot.GetAsync(CancellationToken.None);
        Assert.NotSame(current, rebuilt);

        snapshot.Heard(Guid.NewGuid());
        Assert.NotSame(rebuilt, await snapshot.GetAsync(CancellationToken.None));
    }
}
