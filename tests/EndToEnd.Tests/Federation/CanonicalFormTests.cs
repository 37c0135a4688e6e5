using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// A record reads the same everywhere: the node writes it in its canonical form once, and the hub and the library keep
/// that form. Real node, Federation, library, gateway and broker.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class CanonicalFormTests(FederationFixture fixture)
{
    Hub Hub => fixture.Hub;

    [Fact]
    public async Task An_SDG_target_typed_16_A_reads_16_a_at_the_node_in_the_federation_API_and_in_the_library()
    {
        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        var originId = "transparenz-" + Guid.NewGuid().ToString("N")[..8];
        var marker = "e2e-" + originId;
        var typed = Practices.Digitallotsen("Transparente Verwaltung") with { SdgTargets = [" 16.A ", "16.6", "16.a"], Topics = ["Verwaltung", marker] };
        string[] canonical = ["16.a", "16.6"];

        using (var response = await editor.PublishAsync(originId, typed))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(canonical, (await response.Content.ReadFromJsonAsync<CityNodeEditor.NodeRecord>(Json.Options))!.Record.SdgTargets);
        }
        Assert.Equal(canonical, (await editor.PracticesAsync()).Single(record => record.Id == originId).Record.SdgTargets);

        await Eventually.HoldsAsync(async () =>
            Assert.Equal(canonical, (await hub.PracticeAsync(Practices.Heidelberg, originId))?.Practice.SdgTargets));

        // Two hops after the hub (the broker, then the library's indexer), so more time than for one.
        var id = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            using var page = JsonDocument.Parse(await visitor.GetStringAsync($"/api/library/practices?topic={marker}"));
            var practice = page.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("practice");
            id = practice.GetProperty("id").GetGuid();
            Assert.Equal(canonical, Strings(practice.GetProperty("sdgTargets")));
            var facet = Strings(page.RootElement.GetProperty("facets").GetProperty("sdg"), "value");
            Assert.Contains("16.a", facet);
            Assert.DoesNotContain("16.A", facet);
        }, TimeSpan.FromSeconds(60));
        using (var filtered = JsonDocument.Parse(await visitor.GetStringAsync($"/api/library/practices?topic={marker}&sdg=16.a")))
            Assert.Single(filtered.RootElement.GetProperty("items").EnumerateArray());
        using var details = JsonDocument.Parse(await visitor.GetStringAsync($"/api/library/practices/{id}"));
        Assert.Equal(canonical, Strings(details.RootElement.GetProperty("record").GetProperty("sdgTargets")));
    }

    static List<string?> Strings(JsonElement array, string? property = null) =>
        array.EnumerateArray().Select(item => (property is null ? item : item.GetProperty(property)).GetString()).ToList();
}
