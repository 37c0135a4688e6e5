using System.Net;
using System.Net.Http.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Library.Data;
using Kommune20.Library.Portraits;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Library.Tests;

/// <summary>
/// A city's portrait follows Federation's profile events on the real broker: the newest public version is shown at
/// <c>/api/library/members/{id}/portrait</c>, an older one changes nothing, and a network-only version or a withdrawal
/// takes it off. Each test speaks for a member of its own, so the tests sharing the library do not see each other's portraits.
/// </summary>
[Collection(LibraryCollection.Name)]
public sealed class PortraitsThroughBrokerTests(LibraryFixture fixture)
{
    /// <summary>Heidelberg's portrait in the Smart City Atlas (seeds/003), as its node publishes it.</summary>
    static CityProfileRecord Heidelberg(Visibility visibility = Visibility.Public) => new(
        "Die strategische Steuerung digitaler Transformationsprozesse obliegt dem Referat des Oberbürgermeisters.",
        [new CityMilestone("Februar 2017", "Teilnahme am Bitkom-Wettbewerb „Digitale Stadt“"), new CityMilestone("Juni 2017", "Gründung der Digital-Agentur Heidelberg")],
        "Verbesserungen in den Bereichen Verkehr, Bildung, Medizin und Verwaltung.",
        "Die Bürgerinnen und Bürger stehen im Zentrum der digitalen Agenda.",
        ["Metropolregion Rhein-Neckar", "C40 Cities"],
        ["Digitale Modellkommune im Landesprogramm „Digitale Zukunftskommune@bw“"],
        visibility);

    static RecordOrigin Origin(Guid member, long version) => new(member, "stadtprofil", version, DateTimeOffset.UtcNow);

    async Task<PortraitDto> ShownAsync(Guid member, Func<PortraitDto, bool> expected)
    {
        using var http = fixture.Library.CreateClient();
        PortraitDto portrait = null!;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await http.GetAsync($"/api/library/members/{member}/portrait");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            portrait = (await response.Content.ReadFromJsonAsync<PortraitDto>(Json.Options))!;
            Assert.True(expected(portrait), $"version {portrait.Version}");
        });
        return portrait;
    }

    async Task GoneAsync(Guid member)
    {
        using var http = fixture.Library.CreateClient();
        await Eventually.HoldsAsync(async () =>
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/library/members/{member}/portrait")).StatusCode));
    }

    [Fact]
    public async Task A_published_profile_is_the_members_portrait_and_a_newer_version_replaces_it()
    {
        var member = Guid.NewGuid();
        await fixture.Federation.PublishAsync(new CityProfileUpdated(Origin(member, 1), Heidelberg()));

        var first = await ShownAsync(member, p => p.Version == 1);
        Assert.Equal((member, "stadtprofil"), (first.MemberId, first.OriginId));
        Assert.Equal(["Februar 2017", "Juni 2017"], first.Profile.Milestones.Select(m => m.When));
        Assert.Contains("Metropolregion Rhein-Neckar", first.Profile.Networks);

        // Whichever order the broker hands them over in, version 3 stays: version 2 is older.
        await fixture.Federation.PublishAsync(new CityProfileUpdated(Origin(member, 3), Heidelberg() with { Networks = ["Metropolregion Rhein-Neckar", "Energy Cities"] }));
        await fixture.Federation.PublishAsync(new CityProfileUpdated(Origin(member, 2), Heidelberg() with { Networks = ["veraltet"] }));
        var newest = await ShownAsync(member, p => p.Version == 3);
        Assert.Equal(["Metropolregion Rhein-Neckar", "Energy Cities"], newest.Profile.Networks);
    }

    [Fact]
    public async Task An_older_version_arriving_late_is_ignored_and_a_withdrawal_that_overtook_the_profile_keeps_it_out()
    {
        var member = Guid.NewGuid();
        await using var scope = fixture.Library.Services.CreateAsyncScope();
        var portraits = scope.ServiceProvider.GetRequiredService<CityPortraits>();

        await portraits.ApplyAsync(Origin(member, 5), Heidelberg(), default);
        await portraits.ApplyAsync(Origin(member, 4), Heidelberg() with { Organisation = "veraltet" }, default);
        var shown = await portraits.ShownOfAsync(member, default);
        Assert.Equal((5L, Heidelberg().Organisation), (shown!.Version, shown.Record!.Organisation));

        var overtaken = Guid.NewGuid();
        await portraits.WithdrawAsync(Origin(overtaken, 2), default);
        await portraits.ApplyAsync(Origin(overtaken, 1), Heidelberg(), default);
        Assert.Null(await portraits.ShownOfAsync(overtaken, default));
        var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
        Assert.Equal(1, await db.CityPortraits.CountAsync(p => p.OriginMemberId == overtaken));
    }

    [Fact]
    public async Task A_withdrawal_removes_the_portrait_and_only_a_newer_version_brings_it_back()
    {
        var member = Guid.NewGuid();
        await fixture.Federation.PublishAsync(new CityProfileUpdated(Origin(member, 1), Heidelberg()));
        await ShownAsync(member, p => p.Version == 1);

        await fixture.Federation.PublishAsync(new CityProfileWithdrawn(Origin(member, 2)));
        await GoneAsync(member);

        await fixture.Federation.PublishAsync(new CityProfileUpdated(Origin(member, 3), Heidelberg()));
        await ShownAsync(member, p => p.Version == 3);
    }

    [Fact]
    public async Task A_network_only_profile_is_not_shown()
    {
        var member = Guid.NewGuid();
        await fixture.Federation.PublishAsync(new CityProfileUpdated(Origin(member, 1), Heidelberg()));
        await ShownAsync(member, p => p.Version == 1);

        await fixture.Federation.PublishAsync(new CityProfileUpdated(Origin(member, 2), Heidelberg(Visibility.Network)));
        await GoneAsync(member);
        using var signedIn = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "pforzheim");
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/api/library/members/{member}/portrait")).StatusCode);
    }
}
