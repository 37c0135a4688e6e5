using System.Net.Http.Json;
using Kommune20.Library.Adoptions;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>With demo data on, Heidelberg's Digitallotsen practice arrives with Pforzheim's confirmed adoption and the region's interest.</summary>
[Collection(LibraryCollection.Name)]
public sealed class DemoSeedTests(LibraryFixture fixture)
{
    [Fact]
    public async Task The_documents_adoptions_join_Heidelbergs_practice_when_it_arrives()
    {
        await using var library = new LibraryApp(fixture.Registry, new() { ["Seed:DemoData"] = "true" });
        using var http = await library.StartAsync();
        await fixture.Federation.PublishAsync(new Contracts.Federation.PracticePublished(
            PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen"), PracticeSamples.Digitallotsen()));

        PracticeAdoptions adoptions = null!;
        await Eventually.HoldsAsync(async () =>
        {
            var found = (await http.GetFromJsonAsync<Search.PracticeSearchResult>("/api/library/practices?q=Digitallotsinnen&adopted=true", Json.Options))!;
            var practice = Assert.Single(found.Items).Practice;
            adoptions = (await http.GetFromJsonAsync<PracticeAdoptions>($"/api/library/practices/{practice.Id}/adoptions", Json.Options))!;
        });

        var pforzheim = Assert.Single(adoptions.Items);
        Assert.True(pforzheim.Verified);
        Assert.Equal("Pforzheim", pforzheim.Adopter.Name);
        Assert.Contains(pforzheim.Outcomes, o => o.Value == 7);
        var interests = (await http.GetFromJsonAsync<List<AdoptionInterestDto>>($"/api/library/practices/{pforzheim.PracticeId}/interests", Json.Options))!;
        Assert.Equal("Konzept der Digitallotsen der Stadt Heidelberg adaptieren und in die Welt tragen", Assert.Single(interests).Statement);
    }
}
