using System.Net;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>The index follows the federation's events on the real broker; search finds German forms, facets and filters.</summary>
[Collection(LibraryCollection.Name)]
public sealed class SearchThroughBrokerTests(LibraryFixture fixture)
{
    [Fact]
    public async Task A_published_practice_is_found_by_every_gendered_form_with_a_highlighted_snippet_and_facets()
    {
        var originId = LibraryFixture.NewOriginId("lotsen");
        var marker = "lotsenmarker" + Guid.NewGuid().ToString("N")[..6];
        await fixture.PublishAsync(PracticeSamples.Heidelberg, originId, PracticeSamples.Digitallotsen() with { Topics = ["Verwaltung", marker] });

        var found = await fixture.SearchUntilAsync($"?q=Digitallotsinnen&topic={marker}", r => r.Total == 1);
        var hit = Assert.Single(found.Items);
        Assert.Equal("Digitallotsinnen und Digitallotsen", hit.Practice.Title);
        Assert.Equal("Heidelberg", hit.Practice.City);
        Assert.Equal("Baden-Württemberg", hit.Practice.FederalState);
        Assert.Contains("<mark>", hit.Snippet);
        Assert.Contains(found.Facets["sdg"], f => f.Value == "16.6" && f.Count == 1);
        Assert.Contains(found.Facets["network"], f => f.Value == "Metropolregion Rhein-Neckar");
        Assert.Contains(found.Facets["period"], f => f.Value == "laufend");
        Assert.Contains(found.Facets["funding"], f => f.Value == "Digitale Zukunftskommune@bw");

        foreach (var form in new[] { "Digitallots*innen", "DigitallotsInnen", "Digitallots:innen", "Digitallotsen", "digitallotse" })
        {
            var result = await fixture.SearchAsync($"?q={Uri.EscapeDataString(form)}&topic={marker}");
            Assert.True(result.Total == 1, $"{form} found {result.Total}");
        }
    }

    [Fact]
    public async Task Umlaut_spellings_find_each_other_and_filters_narrow_the_results()
    {
        var marker = "beteiligungmarker" + Guid.NewGuid().ToString("N")[..6];
        await fixture.PublishAsync(PracticeSamples.Heilbronn, LibraryFixture.NewOriginId("vernissage"),
            PracticeSamples.VernissageDigital() with { Topics = ["Beteiligung", marker] });
        await fixture.PublishAsync(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("mash"),
            PracticeSamples.Datenplattform() with { Topics = ["Datenplattform", marker] });

        await fixture.SearchUntilAsync($"?topic={marker}", r => r.Total == 2);
        var both = await fixture.SearchAsync($"?q=Buergerbeteiligung&topic={marker}");
        Assert.Equal("Vernissage Digital", Assert.Single(both.Items).Practice.Title);
        Assert.Equal(1, (await fixture.SearchAsync($"?q=B%C3%BCrgerbeteiligung&topic={marker}")).Total);

        Assert.Equal("Vernissage Digital", Assert.Single((await fixture.SearchAsync($"?topic={marker}&city=Heilbronn")).Items).Practice.Title);
        Assert.Equal(2, (await fixture.SearchAsync($"?topic={marker}&sdg=11.3")).Total);
        Assert.Equal(1, (await fixture.SearchAsync($"?topic={marker}&sdg=11.3&sdg=16.7&period=abgeschlossen")).Total);
        Assert.Equal(2, (await fixture.SearchAsync($"?topic={marker}&state=Baden-W%C3%BCrttemberg")).Total);
        Assert.Equal(0, (await fixture.SearchAsync($"?topic={marker}&adopted=true")).Total);
        Assert.Equal(1, (await fixture.SearchAsync($"?topic={marker}&period=2020")).Total);

        var facets = (await fixture.SearchAsync($"?topic={marker}")).Facets;
        Assert.Contains(facets["city"], f => f.Value == "Heidelberg" && f.Count == 1);
        Assert.Contains(facets["sdg"], f => f.Value == "11.3" && f.Count == 2);
        Assert.Contains(facets["adopted"], f => f.Value == "false" && f.Count == 2);
    }

    [Fact]
    public async Task An_update_reindexes_an_older_version_is_ignored_and_a_withdrawal_removes_the_practice()
    {
        var marker = "lifecyclemarker" + Guid.NewGuid().ToString("N")[..6];
        var originId = LibraryFixture.NewOriginId("lifecycle");
        await fixture.PublishAsync(PracticeSamples.Heidelberg, originId, PracticeSamples.Datenplattform() with { Topics = [marker] });
        await fixture.SearchUntilAsync($"?q=Datenplattform&topic={marker}", r => r.Total == 1);

        await fixture.PublishAsync(PracticeSamples.Heidelberg, originId,
            PracticeSamples.Datenplattform() with { Title = "Urbane Datenplattform Heidelberg", Topics = [marker] }, version: 3);
        await fixture.SearchUntilAsync($"?q=urbane&topic={marker}", r => r.Total == 1);

        await fixture.PublishAsync(PracticeSamples.Heidelberg, originId,
            PracticeSamples.Datenplattform() with { Title = "Veralteter Stand", Topics = [marker] }, version: 2);
        await fixture.Federation.PublishAsync(new PracticeWithdrawn(PracticeSamples.Origin(PracticeSamples.Heidelberg, originId, 4)));

        var gone = await fixture.SearchUntilAsync($"?topic={marker}", r => r.Total == 0);
        Assert.Empty(gone.Items);
        Assert.Equal(0, (await fixture.SearchAsync($"?q=veralteter&topic={marker}")).Total);
    }

    [Fact]
    public async Task Network_only_practices_are_for_signed_in_members()
    {
        var marker = "networkmarker" + Guid.NewGuid().ToString("N")[..6];
        await fixture.PublishAsync(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("intern"),
            PracticeSamples.Datenplattform(Visibility.Network) with { Topics = [marker] });

        using var member = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "pforzheim");
        var signedIn = await fixture.SearchUntilAsync($"?topic={marker}", r => r.Total == 1, member);
        Assert.Equal(0, (await fixture.SearchAsync($"?topic={marker}")).Total);

        using var anonymous = fixture.Library.CreateClient();
        var id = signedIn.Items[0].Practice.Id;
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/library/practices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/library/practices/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_practice_shows_its_details_and_similar_practices()
    {
        var marker = "similarmarker" + Guid.NewGuid().ToString("N")[..6];
        // Words no other practice in the index has, so that the sibling is the most similar one.
        var words = string.Join(' ', Enumerable.Range(0, 3).Select(_ => "wort" + Guid.NewGuid().ToString("N")[..8]));
        await fixture.PublishAsync(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("lotsen"),
            PracticeSamples.Digitallotsen() with { Topics = [marker], Description = PracticeSamples.Digitallotsen().Description + " " + words });
        await fixture.PublishAsync(PracticeSamples.Pforzheim, LibraryFixture.NewOriginId("lotsen"),
            PracticeSamples.Digitallotsen() with { Title = "Digitallotsen in Pforzheim", Topics = [marker], Description = words });
        var found = await fixture.SearchUntilAsync($"?topic={marker}", r => r.Total == 2);
        var heidelberg = found.Items.Single(hit => hit.Practice.City == "Heidelberg").Practice.Id;

        using var http = fixture.Library.CreateClient();
        using var details = JsonDocument.Parse(await http.GetStringAsync($"/api/library/practices/{heidelberg}"));
        var root = details.RootElement;
        Assert.Equal("Heidelberg", root.GetProperty("origin").GetProperty("name").GetString());
        Assert.Equal("16.6", root.GetProperty("record").GetProperty("sdgTargets")[0].GetString());
        Assert.Equal("Digitallotsen in Pforzheim", root.GetProperty("similar")[0].GetProperty("title").GetString());
        Assert.DoesNotContain(root.GetProperty("similar").EnumerateArray(), similar => similar.GetProperty("id").GetGuid() == heidelberg);
    }

    [Fact]
    public async Task When_the_office_adds_a_member_to_a_network_its_practices_follow_into_that_network()
    {
        var marker = "networkchange" + Guid.NewGuid().ToString("N")[..6];
        await fixture.PublishAsync(PracticeSamples.Heilbronn, LibraryFixture.NewOriginId("vernissage"), PracticeSamples.VernissageDigital() with { Topics = [marker] });
        await fixture.SearchUntilAsync($"?topic={marker}", r => r.Total == 1);
        Assert.Equal(0, (await fixture.SearchAsync($"?topic={marker}&network=Metropolregion%20Rhein-Neckar")).Total);

        // The Registry announces NetworkMembershipChanged on the broker; the library asks the Registry again and re-indexes.
        using var office = await fixture.Registry.SignedInAsync(new HttpClient { BaseAddress = fixture.Registry.Address }, "geschaeftsstelle");
        using var added = await office.PutAsync($"/api/registry/members/{PracticeSamples.Metropolregion}/members/{PracticeSamples.Heilbronn}",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());

        await fixture.SearchUntilAsync($"?topic={marker}&network=Metropolregion%20Rhein-Neckar", r => r.Total == 1);
    }

    [Theory]
    [InlineData("?sdg=16.66", "sdg")]
    [InlineData("?period=bald", "period")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?adopted=vielleicht", "adopted")]
    [InlineData("?topic=", "topic")]
    public async Task Malformed_parameters_get_400_naming_the_parameter(string query, string parameter)
    {
        using var http = fixture.Library.CreateClient();
        using var response = await http.GetAsync("/api/library/practices" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_API_document_describes_search_adoptions_and_the_catalogue()
    {
        using var http = fixture.Library.CreateClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/library/practices", "/api/library/practices/{practiceId}/adoptions", "/api/library/catalog.ttl" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task No_query_string_breaks_the_engine()
    {
        using var http = fixture.Library.CreateClient();
        foreach (var input in TextQueryTests.OddStrings)
        {
            using var response = await http.GetAsync("/api/library/practices?q=" + Uri.EscapeDataString(input));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{input}: {(int)response.StatusCode}");
        }
        using var tooLong = await http.GetAsync("/api/library/practices?q=" + new string('a', 501));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }
}
