using System.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Library.Office;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>
/// The office sees when the index has caught up; in the benchmark's hub (<see cref="OfficeApi.BulkLoadSetting"/>) it also
/// loads many practices at once.
/// </summary>
[Collection(LibraryCollection.Name)]
public sealed class OfficeApiTests(LibraryFixture fixture)
{
    [Fact]
    public async Task A_bulk_load_is_indexed_and_a_malformed_item_is_named_by_its_place()
    {
        var marker = "bulkmarker" + Guid.NewGuid().ToString("N")[..6];
        var items = Enumerable.Range(1, 50).Select(i => new PracticePublished(
            PracticeSamples.Origin(i % 2 == 0 ? PracticeSamples.Heidelberg : PracticeSamples.Heilbronn, $"{marker}-{i}"),
            PracticeSamples.VernissageDigital() with { Title = $"Vernissage Digital {i}", Topics = [marker] })).ToList();
        using var office = await fixture.AsOfficeAsync();

        var broken = items.Select((item, i) => i == 7 ? item with { Practice = item.Practice with { SdgTargets = ["16.66"] } } : item).ToList();
        using var rejected = await office.PostAsJsonAsync("/api/library/office/practices", broken, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("[7].practice.sdgTargets[0]", await rejected.Content.ReadAsStringAsync());

        using var accepted = await office.PostAsJsonAsync("/api/library/office/practices", items, Json.Options);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(new BulkLoadResult(50, 50), await accepted.Content.ReadFromJsonAsync<BulkLoadResult>(Json.Options));
        var audit = await office.GetFromJsonAsync<JsonElement>("/api/library/office/audit");
        var loaded = audit.GetProperty("items")[0];
        Assert.Equal("practices.bulk-loaded", loaded.GetProperty("action").GetString());
        Assert.Equal("office-integration", loaded.GetProperty("actor").GetString());
        Assert.Contains("\"applied\":50", loaded.GetProperty("after").GetString());

        await Eventually.HoldsAsync(async () =>
            Assert.True((await office.GetFromJsonAsync<IndexStatus>("/api/library/office/index", Json.Options))!.CaughtUp));
        var found = await fixture.SearchAsync($"?topic={marker}&pageSize=10&page=2");
        Assert.Equal(50, found.Total);
        Assert.Equal(10, found.Items.Count);
        Assert.Contains(found.Facets["city"], f => f.Value == "Heilbronn" && f.Count == 25);

        using var again = await office.PostAsJsonAsync("/api/library/office/practices", items.Take(5), Json.Options);
        Assert.Equal(new BulkLoadResult(5, 0), await again.Content.ReadFromJsonAsync<BulkLoadResult>(Json.Options));
    }

    [Fact]
    public async Task A_bulk_load_applies_two_versions_of_one_practice_in_order_and_keeps_a_held_newer_one()
    {
        var marker = "bulkversions" + Guid.NewGuid().ToString("N")[..6];
        PracticePublished Version(string originId, long version) => new(PracticeSamples.Origin(PracticeSamples.Heidelberg, originId, version),
            PracticeSamples.VernissageDigital() with { Title = $"{marker} {originId} v{version}", Topics = [marker] });
        using var office = await fixture.AsOfficeAsync();
        using var first = await office.PostAsJsonAsync("/api/library/office/practices", new[] { Version("held", 3) }, Json.Options);
        Assert.Equal(new BulkLoadResult(1, 1), await first.Content.ReadFromJsonAsync<BulkLoadResult>(Json.Options));

        using var load = await office.PostAsJsonAsync("/api/library/office/practices",
            new[] { Version("new", 1), Version("held", 2), Version("new", 2), Version("new", 1) }, Json.Options);

        Assert.Equal(new BulkLoadResult(4, 2), await load.Content.ReadFromJsonAsync<BulkLoadResult>(Json.Options));
        var found = await fixture.SearchUntilAsync($"?topic={marker}", result => result.Total == 2);
        Assert.Equal([$"{marker} held v3", $"{marker} new v2"], found.Items.Select(card => card.Practice.Title).Order());
    }

    [Fact]
    public async Task Without_the_benchmarks_setting_the_hub_writes_no_citys_data_not_even_for_the_office()
    {
        await using var library = new LibraryApp(fixture.Registry);
        (await library.StartAsync()).Dispose();
        using var office = await fixture.AsOfficeAsync(library);
        var item = new PracticePublished(PracticeSamples.Origin(PracticeSamples.Heidelberg, "nicht-von-heidelberg"), PracticeSamples.VernissageDigital());

        using var response = await office.PostAsJsonAsync("/api/library/office/practices", new[] { item }, Json.Options);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var index = await office.GetAsync("/api/library/office/index");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
    }

    [Fact]
    public async Task Only_the_office_loads_practices()
    {
        using var pforzheim = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "pforzheim");
        using var response = await pforzheim.PostAsJsonAsync("/api/library/office/practices", Array.Empty<object>());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var audit = await pforzheim.GetAsync("/api/library/office/audit");
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
    }

    [Fact]
    public async Task A_bulk_load_may_be_larger_than_the_one_MiB_every_other_body_is_held_to()
    {
        var twoMiB = "[" + new string(' ', 2 * 1024 * 1024) + "]";
        using var office = await fixture.AsOfficeAsync();

        using var load = await office.PostAsync("/api/library/office/practices", new StringContent(twoMiB, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, load.StatusCode);
        Assert.Contains("Die Liste der Praxen ist leer.", await load.Content.ReadAsStringAsync());

        using var declaration = await office.PostAsync($"/api/library/practices/{Guid.NewGuid()}/adoptions", new StringContent(twoMiB, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declaration.StatusCode);
        Assert.Equal("application/problem+json", declaration.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"body\"", await declaration.Content.ReadAsStringAsync());
    }
}
