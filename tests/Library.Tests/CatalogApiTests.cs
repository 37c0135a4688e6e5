using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>The open-data catalogue lists public practices and drops withdrawn ones.</summary>
[Collection(LibraryCollection.Name)]
public sealed class CatalogApiTests(LibraryFixture fixture)
{
    [Fact]
    public async Task The_catalogue_lists_a_public_practice_in_every_format_until_it_is_withdrawn()
    {
        var marker = "catalogmarker" + Guid.NewGuid().ToString("N")[..6];
        var originId = LibraryFixture.NewOriginId("catalog");
        await fixture.PublishAsync(PracticeSamples.Heidelberg, originId, PracticeSamples.Digitallotsen() with { Topics = [marker] });
        await fixture.PublishAsync(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("intern"),
            PracticeSamples.Datenplattform(Visibility.Network) with { Topics = [marker + "intern"] });
        var id = (await fixture.SearchUntilAsync($"?topic={marker}", r => r.Total == 1)).Items[0].Practice.Id;

        using var http = fixture.Library.CreateClient();
        using var response = await http.GetAsync("/api/library/catalog.jsonld");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        using var jsonLd = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(jsonLd.RootElement.GetProperty("@graph").EnumerateArray(), node => node.GetProperty("@id").GetString()!.EndsWith(id.ToString()));

        var turtle = await http.GetStringAsync("/api/library/catalog.ttl");
        Assert.Contains($"/api/library/practices/{id}> a dcat:Dataset", turtle);
        Assert.DoesNotContain(marker + "intern", turtle);

        var csv = await http.GetStringAsync("/api/library/catalog.csv");
        Assert.Contains(id.ToString(), csv);

        await fixture.Federation.PublishAsync(new PracticeWithdrawn(PracticeSamples.Origin(PracticeSamples.Heidelberg, originId, 2)));
        await Eventually.HoldsAsync(async () => Assert.DoesNotContain(id.ToString(), await http.GetStringAsync("/api/library/catalog.csv")));
        Assert.DoesNotContain(id.ToString(), await http.GetStringAsync("/api/library/catalog.ttl"));
    }
}
