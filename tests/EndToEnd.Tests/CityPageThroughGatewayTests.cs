using System.Net;
using System.Text.Json;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>
/// What a city's page at the hub is made of, through the gateway as the portal asks for it without a sign-in: the portrait
/// Heidelberg's node published (its demo profile, federated to the library), the pilot projects of a member and its events.
/// </summary>
[Collection(HubWithHeidelberg.Name)]
public sealed class CityPageThroughGatewayTests(HubWithHeidelberg fixture)
{
    Hub Hub => fixture.Hub;

    [Fact]
    public async Task Heidelbergs_demo_portrait_reaches_the_library_and_a_member_without_one_has_none()
    {
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        JsonElement portrait = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await visitor.GetAsync($"/api/library/members/{PracticeSamples.Heidelberg}/portrait");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            portrait = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }, TimeSpan.FromSeconds(90));

        Assert.Equal("stadtprofil", portrait.GetProperty("originId").GetString());
        var profile = portrait.GetProperty("profile");
        Assert.StartsWith("Die strategische Steuerung digitaler Transformationsprozesse", profile.GetProperty("organisation").GetString());
        Assert.Contains(profile.GetProperty("milestones").EnumerateArray(),
            m => m.GetProperty("when").GetString() == "Juni 2017" && m.GetProperty("what").GetString() == "Gründung der Digital-Agentur Heidelberg");
        Assert.Contains("Metropolregion Rhein-Neckar", profile.GetProperty("networks").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("Breitbandausbau", profile.GetProperty("competitionsAndFunding").EnumerateArray().Select(f => f.GetString()));

        using var none = await visitor.GetAsync($"/api/library/members/{PracticeSamples.Pforzheim}/portrait");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task A_members_projects_and_events_are_its_own()
    {
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };

        // The Projects service seeds its demo projects as it starts.
        await Eventually.HoldsAsync(async () => Assert.Equal(["reallabore-heilbronn"], await ProjectKeysAsync(visitor, PracticeSamples.Heilbronn)));
        Assert.Empty(await ProjectKeysAsync(visitor, PracticeSamples.Heidelberg));

        await Eventually.HoldsAsync(async () =>
            Assert.Contains("Digitalität@Heidelberg: Chancen und Risiken digitaler Entwicklungen", await EventTitlesAsync(visitor, PracticeSamples.Heidelberg)),
            TimeSpan.FromSeconds(90));
        Assert.DoesNotContain(await EventTitlesAsync(visitor, PracticeSamples.Pforzheim), title => title.StartsWith("Digitalität@Heidelberg", StringComparison.Ordinal));
    }

    static async Task<List<string>> ProjectKeysAsync(HttpClient http, Guid member)
    {
        using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/projects?member={member}&pageSize=100"));
        return page.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("key").GetString()!).ToList();
    }

    static async Task<List<string>> EventTitlesAsync(HttpClient http, Guid member)
    {
        using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/meetings/events?member={member}&pageSize=200"));
        return page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToList();
    }
}
