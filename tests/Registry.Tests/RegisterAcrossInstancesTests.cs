using System.Net.Http.Json;
using Kommune20.Registry.Members;
using Kommune20.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Registry.Tests;

/// <summary>
/// Two Registry instances on one PostgreSQL database, as behind a load balancer: a change the office commits through one
/// reaches the other's in-memory register through the change's event, so both answer other services alike.
/// </summary>
public sealed class RegisterAcrossInstancesTests
{
    [Fact]
    public async Task A_change_committed_at_one_instance_shows_in_the_others_next_lookup()
    {
        var database = $"{TestEnvironment.Postgres};Database=registry_{Guid.NewGuid():N}";
        using var first = new RegistryApp(new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:registry"] = database });
        using var office = await first.ClientAsAsync("office-integration"); // the first seeds the database
        using var second = new RegistryApp(new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:registry"] = database,
            ["Seed:DemoData"] = "false",
        });
        second.CreateClient().Dispose();
        var atSecond = second.Services.GetRequiredService<RegisterSnapshot>();
        Assert.True((await atSecond.GetAsync(CancellationToken.None)).Members[Samples.Pforzheim].MayVote);
        Assert.True((await atSecond.GetAsync(CancellationToken.None)).Graph.MayRelay(Samples.Metropolregion, Samples.Heidelberg));

        using (var suspended = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Pforzheim}",
            new { kind = "city", name = "Pforzheim", ags = "08231000", status = "suspended" }))
            suspended.EnsureSuccessStatusCode();
        using (var withdrawn = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Metropolregion}/members/{Samples.Heidelberg}", new { relayAllowed = false }))
            withdrawn.EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(async () =>
        {
            var register = await atSecond.GetAsync(CancellationToken.None);
            Assert.False(register.Members[Samples.Pforzheim].MayVote);
            Assert.False(register.Graph.MayRelay(Samples.Metropolregion, Samples.Heidelberg));
        });
    }
}
