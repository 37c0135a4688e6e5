using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Network;

/// <summary>
/// The Metropolregion's network node publishes for Weinheim, which has no node of its own: the hub and the library show
/// the practice with Weinheim as origin and the Metropolregion as deliverer. When Weinheim starts its own node and takes
/// the records over, the hub keeps one record each and the versions continue. Nobody publishes for Schwetzingen.
/// </summary>
[Collection(HubWithHeidelberg.Name)]
public sealed class NetworkNodeThroughGatewayTests(HubWithHeidelberg fixture)
{
    static readonly Guid Weinheim = PracticeSamples.Weinheim;
    static readonly Guid Metropolregion = PracticeSamples.Metropolregion;
    static string WeinheimPractices => $"/api/node/members/{Weinheim}/practices";

    /// <summary>Node, hub and library in a row; on a loaded machine (other hubs of the run beside this one) that takes a while.</summary>
    static readonly TimeSpan IndexedWithin = TimeSpan.FromSeconds(90);

    Hub Hub => fixture.Hub;

    async Task<HttpClient> SignedInAtAsync(Uri node, string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return SignIn.WithToken(node, await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password));
    }

    [Fact]
    public async Task Weinheims_practice_reaches_the_library_through_the_network_node_and_Weinheims_own_node_takes_it_over()
    {
        var marker = "netzknoten-" + Guid.NewGuid().ToString("N")[..8];
        using var network = await SignedInAtAsync(fixture.Metropolregion.BaseAddress, "metropolregion");
        using var gateway = new HttpClient { BaseAddress = Hub.Gateway };

        using (var created = await network.PostAsJsonAsync(WeinheimPractices,
                   new { id = "geonet-mrn", record = PracticeSamples.GeoNetMrn() with { Topics = ["Geodaten", marker] } }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var second = await network.PostAsJsonAsync(WeinheimPractices, new { id = "zweites-beispiel", record = PracticeSamples.Digitallotsen() }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        await Eventually.HoldsAsync(async () =>
        {
            using var found = JsonDocument.Parse(await gateway.GetStringAsync($"/api/library/practices?topic={marker}"));
            var practice = Assert.Single(found.RootElement.GetProperty("items").EnumerateArray()).GetProperty("practice");
            Assert.Equal("Weinheim", practice.GetProperty("city").GetString());
        }, IndexedWithin);
        var relayed = await ReplicaAsync(gateway, "geonet-mrn");
        Assert.Equal((1L, Metropolregion), (relayed.GetProperty("version").GetInt64(), RelayedBy(relayed)));

        // Weinheim starts a node of its own: the office registers its credential, the network hands the records over.
        using var office = await Hub.SignedInAsync("geschaeftsstelle");
        using var registered = await office.PostAsJsonAsync($"/api/registry/members/{Weinheim}/clients",
            new { clientId = "node-weinheim", displayName = "Knoten Weinheim" }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var client = await registered.Content.ReadFromJsonAsync<DemoCredentials.Client>(Json.Options);
        using var handedOver = await network.PostAsync($"/api/node/members/{Weinheim}/handover", null);
        Assert.Equal(HttpStatusCode.OK, handedOver.StatusCode);
        var document = await handedOver.Content.ReadAsStringAsync();

        var weinheimNode = await Hub.StartCityNodeAsync("weinheim", client! with { Member = "Weinheim", MemberId = Weinheim });
        using var weinheim = await SignedInAtAsync(weinheimNode.BaseAddress, "weinheim");
        using (var takenOver = await weinheim.PostAsync("/api/node/takeover", new StringContent(document, System.Text.Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, takenOver.StatusCode);
        using (var changed = await weinheim.PutAsJsonAsync("/api/node/practices/geonet-mrn",
                   new { record = PracticeSamples.GeoNetMrn() with { Summary = "Jetzt aus Weinheims eigenem Knoten", Topics = ["Geodaten", marker] } }, Json.Options))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(3L, (await changed.Content.ReadFromJsonAsync<JsonElement>(Json.Options)).GetProperty("version").GetInt64());
        }

        await Eventually.HoldsAsync(async () =>
        {
            var own = await ReplicaAsync(gateway, "geonet-mrn");
            Assert.Equal(3L, own.GetProperty("version").GetInt64());
            Assert.Equal("Jetzt aus Weinheims eigenem Knoten", own.GetProperty("practice").GetProperty("summary").GetString());
            Assert.Null(RelayedBy(own));
        }, IndexedWithin);
        using var listed = JsonDocument.Parse(await gateway.GetStringAsync($"/api/federation/practices?origin={Weinheim}&pageSize=200"));
        Assert.Single(listed.RootElement.GetProperty("items").EnumerateArray(), item => item.GetProperty("originId").GetString() == "geonet-mrn");
        using var libraryHits = JsonDocument.Parse(await gateway.GetStringAsync($"/api/library/practices?topic={marker}"));
        Assert.Single(libraryHits.RootElement.GetProperty("items").EnumerateArray());

        using var refused = await network.PutAsJsonAsync($"{WeinheimPractices}/geonet-mrn", new { record = PracticeSamples.GeoNetMrn() }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task The_network_editor_may_not_publish_for_Schwetzingen_which_did_not_consent()
    {
        using var network = await SignedInAtAsync(fixture.Metropolregion.BaseAddress, "metropolregion");

        using var refused = await network.PostAsJsonAsync($"/api/node/members/{PracticeSamples.Schwetzingen}/practices",
            new { id = "ohne-zustimmung", record = PracticeSamples.GeoNetMrn() }, Json.Options);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Schwetzingen hat nicht zugestimmt", problem.RootElement.GetProperty("errors").GetProperty("memberId")[0].GetString());
    }

    /// <summary>The network that delivered the replica; absent or null when the origin's own node did.</summary>
    static Guid? RelayedBy(JsonElement replica) =>
        replica.TryGetProperty("relayedBy", out var network) && network.ValueKind == JsonValueKind.String ? network.GetGuid() : null;

    static async Task<JsonElement> ReplicaAsync(HttpClient gateway, string originId) =>
        await gateway.GetFromJsonAsync<JsonElement>($"/api/federation/practices/{Weinheim}/{originId}", Json.Options);
}
