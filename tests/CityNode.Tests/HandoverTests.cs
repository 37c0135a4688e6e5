using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.CityNode.Network;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.CityNode.Tests;

/// <summary>
/// Heidelberg starts a node of its own and takes over what the Metropolregion's node published for it: same ids, same
/// versions, and the next change continues the log; the network node keeps the records read-only from then on.
/// </summary>
public sealed class HandoverTests(NetworkNodeFactory network) : IClassFixture<NetworkNodeFactory>
{
    static readonly Guid Heidelberg = CityNodeFactory.Heidelberg;
    static string Practices => $"/api/node/members/{Heidelberg}/practices";
    static string Handover => $"/api/node/members/{Heidelberg}/handover";

    [Fact]
    public async Task A_city_node_takes_over_the_records_and_continues_the_versions()
    {
        using var editor = network.EditorOf(NetworkNodeFactory.Metropolregion);
        await PublishAsync(editor, "digitallotsen", PracticeSamples.Digitallotsen());
        await PublishAsync(editor, "mash", PracticeSamples.Datenplattform());
        using (var changed = await editor.PutAsJsonAsync($"{Practices}/mash", new { record = PracticeSamples.Datenplattform() with { Summary = "Geändert" } }, Json.Options))
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var heidelbergOnNetwork = network.EditorOf(Heidelberg);
        using var handedOver = await heidelbergOnNetwork.PostAsync(Handover, null);
        Assert.Equal(HttpStatusCode.OK, handedOver.StatusCode);
        var document = await handedOver.Content.ReadFromJsonAsync<HandoverDocument>(Json.Options);
        Assert.Equal([1L, 2L, 3L], document!.Changes.Select(c => c.Version));

        await using var city = new CityNodeFactory();
        using var heidelberg = city.EditorOf(Heidelberg);
        using var takenOver = await heidelberg.PostAsJsonAsync("/api/node/takeover", document, Json.Options);
        Assert.Equal(HttpStatusCode.OK, takenOver.StatusCode);

        var mash = await heidelberg.GetFromJsonAsync<NodeRecordDto<PracticeRecord>>("/api/node/practices/mash", Json.Options);
        Assert.Equal((3L, "Geändert"), (mash!.Version, mash.Record.Summary));
        using var next = await heidelberg.PutAsJsonAsync("/api/node/practices/digitallotsen", new { record = PracticeSamples.Digitallotsen() with { Summary = "Im eigenen Knoten" } }, Json.Options);
        Assert.Equal(4L, (await next.Content.ReadFromJsonAsync<NodeRecordDto<PracticeRecord>>(Json.Options))!.Version);

        using var again = await heidelberg.PostAsJsonAsync("/api/node/takeover", document, Json.Options);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "records");
    }

    [Fact]
    public async Task After_the_handover_the_network_node_keeps_the_records_read_only_and_says_so_on_the_desk()
    {
        var weinheimPractices = $"/api/node/members/{NetworkNodeFactory.Weinheim}/practices";
        using var editor = network.EditorOf(NetworkNodeFactory.Metropolregion);
        using (var created = await editor.PostAsJsonAsync(weinheimPractices, new { id = "vor-der-uebergabe", record = PracticeSamples.GeoNetMrn() }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var handedOver = await editor.PostAsync($"/api/node/members/{NetworkNodeFactory.Weinheim}/handover", null))
            Assert.Equal(HttpStatusCode.OK, handedOver.StatusCode);

        using var refused = await editor.PostAsJsonAsync(weinheimPractices, new { id = "nach-der-uebergabe", record = PracticeSamples.GeoNetMrn() }, Json.Options);

        await AssertProblemAsync(refused, HttpStatusCode.Conflict, OriginMember.RouteKey);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"{weinheimPractices}/vor-der-uebergabe")).StatusCode);
        var desk = await editor.GetFromJsonAsync<List<NetworkDeskApi.MemberState>>("/api/node/members", Json.Options) ?? [];
        var weinheim = desk.Single(m => m.MemberId == NetworkNodeFactory.Weinheim);
        Assert.NotNull(weinheim.HandedOverAt);
        Assert.False(weinheim.MayEdit);
    }

    [Fact]
    public async Task Only_the_members_own_editors_and_the_networks_fetch_a_handover()
    {
        using var weinheim = network.EditorOf(NetworkNodeFactory.Weinheim);

        using var refused = await weinheim.GetAsync($"/api/node/members/{NetworkNodeFactory.Schwetzingen}/handover");

        await AssertProblemAsync(refused, HttpStatusCode.Forbidden, OriginMember.RouteKey);
    }

    [Fact]
    public async Task A_city_node_refuses_a_handover_for_another_member()
    {
        using var weinheimOnNetwork = network.EditorOf(NetworkNodeFactory.Weinheim);
        var document = await weinheimOnNetwork.GetFromJsonAsync<HandoverDocument>($"/api/node/members/{NetworkNodeFactory.Weinheim}/handover", Json.Options);

        await using var city = new CityNodeFactory();
        using var refused = await city.EditorOf(Heidelberg).PostAsJsonAsync("/api/node/takeover", document, Json.Options);

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "memberId");
    }

    [Fact]
    public async Task A_handover_with_a_gap_in_its_log_is_refused()
    {
        var document = new HandoverDocument(Heidelberg, "Heidelberg", NetworkNodeFactory.Metropolregion, DateTimeOffset.UtcNow, [],
            [new HandoverDocument.Change(2, RecordKind.Practice, "luecke", DateTimeOffset.UtcNow, null)]);

        await using var city = new CityNodeFactory();
        using var refused = await city.EditorOf(Heidelberg).PostAsJsonAsync("/api/node/takeover", document, Json.Options);

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "changes");
    }

    static async Task PublishAsync(HttpClient editor, string id, PracticeRecord record)
    {
        using var created = await editor.PostAsJsonAsync(Practices, new { id, record }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"The problem names {field}: {problem.RootElement}");
    }
}
