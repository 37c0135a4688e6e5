using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.CityNode.Data;
using Kommune20.CityNode.Network;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.CityNode.Tests;

/// <summary>
/// On the Metropolregion's network node the network's editors publish for the members that consented, a member's own
/// editors for that member; nobody for a member that did not consent. Each member's records get a change log of their own.
/// </summary>
public sealed class NetworkEditorTests(NetworkNodeFactory node) : IClassFixture<NetworkNodeFactory>
{
    static readonly Guid Pforzheim = PracticeSamples.Pforzheim;

    [Fact]
    public async Task The_network_editor_publishes_for_a_consenting_member()
    {
        using var http = node.EditorOf(NetworkNodeFactory.Metropolregion);

        using var created = await CreateAsync(http, NetworkNodeFactory.Weinheim, "geonet-durch-netzwerk");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/node/members/{NetworkNodeFactory.Weinheim}/practices/geonet-durch-netzwerk", created.Headers.Location?.OriginalString);
        var record = await created.Content.ReadFromJsonAsync<NodeRecordDto<PracticeRecord>>(Json.Options);
        Assert.Equal(RecordStatus.Published, record!.Status);
    }

    [Fact]
    public async Task The_members_own_editor_edits_its_records_on_the_network_node()
    {
        using var network = node.EditorOf(NetworkNodeFactory.Metropolregion);
        using var weinheim = node.EditorOf(NetworkNodeFactory.Weinheim);
        using (var created = await CreateAsync(network, NetworkNodeFactory.Weinheim, "geonet-von-weinheim"))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var changed = await weinheim.PutAsJsonAsync($"/api/node/members/{NetworkNodeFactory.Weinheim}/practices/geonet-von-weinheim",
            new { record = PracticeSamples.GeoNetMrn() with { Summary = "Von Weinheims Redaktion ergänzt" } }, Json.Options);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var list = await weinheim.GetFromJsonAsync<JsonElement>($"/api/node/members/{NetworkNodeFactory.Weinheim}/practices", Json.Options);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), item => item.GetProperty("record").GetProperty("summary").GetString() == "Von Weinheims Redaktion ergänzt");
    }

    [Fact]
    public async Task Nobody_edits_for_a_member_that_did_not_consent_not_even_its_own_editors()
    {
        using var network = node.EditorOf(NetworkNodeFactory.Metropolregion);
        using var schwetzingen = node.EditorOf(NetworkNodeFactory.Schwetzingen);

        await AssertForbiddenAsync(await CreateAsync(network, NetworkNodeFactory.Schwetzingen, "schwetzingen-netzwerk"), "Schwetzingen hat nicht zugestimmt");
        await AssertForbiddenAsync(await CreateAsync(schwetzingen, NetworkNodeFactory.Schwetzingen, "schwetzingen-selbst"), "Schwetzingen hat nicht zugestimmt");
        await AssertForbiddenAsync(await network.GetAsync($"/api/node/members/{NetworkNodeFactory.Schwetzingen}/practices"), "Schwetzingen hat nicht zugestimmt");
    }

    [Fact]
    public async Task An_editor_of_another_member_of_the_network_may_not_edit_Weinheim()
    {
        using var heidelberg = node.EditorOf(CityNodeFactory.Heidelberg);

        await AssertForbiddenAsync(await CreateAsync(heidelberg, NetworkNodeFactory.Weinheim, "heidelberg-fuer-weinheim"), "bearbeiten nur die Redaktion");
    }

    [Fact]
    public async Task A_city_that_is_no_member_of_the_network_is_refused()
    {
        using var network = node.EditorOf(NetworkNodeFactory.Metropolregion);

        await AssertForbiddenAsync(await CreateAsync(network, Pforzheim, "pforzheim-ueber-netzwerk"), "gehört nicht zum Netzwerk");
    }

    [Fact]
    public async Task Someone_of_the_network_without_the_editor_role_may_not_edit()
    {
        using var delegate_ = node.EditorOf(NetworkNodeFactory.Metropolregion, Roles.Delegate);

        using var response = await CreateAsync(delegate_, NetworkNodeFactory.Weinheim, "ohne-redaktionsrolle");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_consent_withdrawn_in_the_register_refuses_the_next_edit_at_once()
    {
        using var network = node.EditorOf(NetworkNodeFactory.Metropolregion);
        var heidelberg = node.Members.Single(m => m.MemberId == CityNodeFactory.Heidelberg);
        using (var before = await CreateAsync(network, CityNodeFactory.Heidelberg, "vor-dem-widerruf"))
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);

        node.Members[node.Members.IndexOf(heidelberg)] = heidelberg with { RelayAllowed = false };
        try
        {
            await AssertForbiddenAsync(await CreateAsync(network, CityNodeFactory.Heidelberg, "nach-dem-widerruf"), "Heidelberg hat nicht zugestimmt");
        }
        finally
        {
            node.Members[node.Members.IndexOf(heidelberg with { RelayAllowed = false })] = heidelberg;
        }
    }

    [Fact]
    public async Task Each_member_has_a_change_log_of_its_own_whose_versions_rise_by_one()
    {
        using var network = node.EditorOf(NetworkNodeFactory.Metropolregion);
        var ids = Enumerable.Range(0, 6).Select(i => (Member: i % 2 == 0 ? NetworkNodeFactory.Weinheim : CityNodeFactory.Heidelberg, Id: $"reihe-{i}")).ToList();

        await Task.WhenAll(ids.Select(async record =>
        {
            using var created = await CreateAsync(network, record.Member, record.Id);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }));
        using (var withdrawn = await network.DeleteAsync($"/api/node/members/{NetworkNodeFactory.Weinheim}/practices/reihe-0"))
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);

        await using var scope = node.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<NodeDb>().ChangeLog.AsNoTracking().ToListAsync();
        foreach (var origin in log.GroupBy(entry => entry.OriginMemberId))
            Assert.Equal(Enumerable.Range(1, origin.Count()).Select(v => (long)v), origin.Select(entry => entry.Version).Order());
        Assert.All(ids, record => Assert.Contains(log, entry => entry.OriginMemberId == record.Member && entry.RecordId == record.Id));
        Assert.DoesNotContain(log, entry => entry.OriginMemberId == NetworkNodeFactory.Metropolregion);
    }

    [Fact]
    public async Task The_desk_lists_the_members_with_their_consent_and_what_the_editor_may_edit()
    {
        using var network = node.EditorOf(NetworkNodeFactory.Metropolregion);
        using var weinheim = node.EditorOf(NetworkNodeFactory.Weinheim);

        var forNetwork = await network.GetFromJsonAsync<List<NetworkDeskApi.MemberState>>("/api/node/members", Json.Options) ?? [];
        var forWeinheim = await weinheim.GetFromJsonAsync<List<NetworkDeskApi.MemberState>>("/api/node/members", Json.Options) ?? [];

        Assert.Equal(["Heidelberg", "Weinheim", "Schwetzingen"], forNetwork.Select(m => m.Name));
        Assert.Equal([true, true, false], forNetwork.Select(m => m.MayEdit));
        Assert.False(forNetwork.Single(m => m.Name == "Schwetzingen").RelayAllowed);
        Assert.Equal(["Weinheim"], forWeinheim.Where(m => m.MayEdit).Select(m => m.Name));
    }

    [Fact]
    public async Task The_city_routes_do_not_exist_on_a_network_node()
    {
        using var network = node.EditorOf(NetworkNodeFactory.Metropolregion);

        using var response = await network.GetAsync("/api/node/practices");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    static Task<HttpResponseMessage> CreateAsync(HttpClient http, Guid member, string id) =>
        http.PostAsJsonAsync($"/api/node/members/{member}/practices", new { id, record = PracticeSamples.GeoNetMrn() }, Json.Options);

    static async Task AssertForbiddenAsync(HttpResponseMessage response, string reason)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(reason, problem.RootElement.GetProperty("errors").GetProperty(OriginMember.RouteKey)[0].GetString());
        }
    }
}
