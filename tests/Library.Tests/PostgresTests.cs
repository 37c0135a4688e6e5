using System.Net;
using System.Net.Http.Json;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Search;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>The scale-out storage: the same library on PostgreSQL (the run's throwaway cluster) instead of SQLite.</summary>
[Collection(LibraryCollection.Name)]
public sealed class PostgresTests(LibraryFixture fixture)
{
    [Fact]
    public async Task Replicas_member_cards_and_adoptions_work_the_same_on_PostgreSQL()
    {
        await using var library = new LibraryApp(fixture.Registry, new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:library"] = $"{TestEnvironment.Postgres};Database=library_{Guid.NewGuid():N}",
        });
        using var anonymous = await library.StartAsync();
        var marker = "postgresmarker" + Guid.NewGuid().ToString("N")[..6];
        await fixture.PublishAsync(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("lotsen"), PracticeSamples.Digitallotsen() with { Topics = [marker] });

        PracticeSearchResult found = null!;
        await Eventually.HoldsAsync(async () =>
        {
            found = (await anonymous.GetFromJsonAsync<PracticeSearchResult>($"/api/library/practices?q=Digitallotsinnen&topic={marker}", Json.Options))!;
            Assert.Equal("Heidelberg", Assert.Single(found.Items).Practice.City);
        });
        var practice = found.Items[0].Practice.Id;

        using var pforzheim = await fixture.Registry.SignedInAsync(library.CreateClient(), "pforzheim");
        using var declared = await pforzheim.PostAsJsonAsync($"/api/library/practices/{practice}/adoptions",
            new { stage = "adapting", outcomes = new[] { new { value = 7, label = "Digitallotsen ausgebildet" } } });
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);

        var adoptions = (await anonymous.GetFromJsonAsync<PracticeAdoptions>($"/api/library/practices/{practice}/adoptions", Json.Options))!;
        Assert.Equal("Digitallotsen ausgebildet", Assert.Single(adoptions.Items).Outcomes[0].Label);
        var ofHeidelberg = (await anonymous.GetFromJsonAsync<MemberAdoptions>($"/api/library/members/{PracticeSamples.Heidelberg}/adoptions", Json.Options))!;
        Assert.Single(ofHeidelberg.AdoptedFromIt);
    }
}
