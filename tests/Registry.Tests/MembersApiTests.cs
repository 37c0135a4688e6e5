using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Registry.Data;
using Kommune20.Data.Lists;
using Kommune20.Registry.Members;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Registry.Tests;

public sealed class MembersApiTests : IClassFixture<MembersApiTests.App>, IDisposable
{
    public sealed class App : IDisposable
    {
        public RegistryApp Registry { get; } = new();
        public void Dispose() => Registry.Dispose();
    }

    readonly RegistryApp _registry;
    readonly HttpClient _anonymous;

    public MembersApiTests(App app)
    {
        _registry = app.Registry;
        _anonymous = _registry.CreateClient();
    }

    public void Dispose() => _anonymous.Dispose();

    async Task<PagedList<MemberDto>> ListAsync(string query) =>
        (await _anonymous.GetFromJsonAsync<PagedList<MemberDto>>("/api/registry/members" + query, Json.Options))!;

    [Fact]
    public async Task The_directory_lists_the_demo_members_with_their_keys()
    {
        var page = await ListAsync("?pageSize=200");
        var heidelberg = Assert.Single(page.Items, m => m.Name == "Heidelberg");
        Assert.Equal("08221000", heidelberg.Ags);
        Assert.Equal(MemberKind.City, heidelberg.Kind);
        Assert.Equal("Baden-Württemberg", heidelberg.FederalState);
        Assert.Contains(page.Items, m => m.Name == "Fraunhofer IESE" && !m.HasVotingRight);
    }

    [Fact]
    public async Task Filters_by_kind_state_and_network_and_pages()
    {
        var cities = await ListAsync("?kind=city");
        Assert.All(cities.Items, m => Assert.Equal(MemberKind.City, m.Kind));
        Assert.Contains(cities.Items, m => m.Name == "Pforzheim");

        var saxonyAnhalt = await ListAsync("?state=15");
        Assert.Equal("Digitalisierungszentrum Merseburg", Assert.Single(saxonyAnhalt.Items).Name);

        var region = await ListAsync($"?network={Samples.Metropolregion}");
        Assert.Equal(["Heidelberg", "Schwetzingen", "Weinheim"], region.Items.Select(m => m.Name).Order(StringComparer.Ordinal));

        var association = await ListAsync($"?network={Samples.Association}&transitive=true&pageSize=3&page=2");
        // The eight direct members, and Weinheim and Schwetzingen through the Metropolregion.
        Assert.Equal(10, association.Total);
        Assert.Equal(3, association.Items.Count);
        Assert.Equal(2, association.Page);
    }

    [Theory]
    [InlineData("?kind=town", "kind")]
    [InlineData("?state=Atlantis", "state")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=10001", "page")]
    [InlineData("?page=2147483647", "page")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?page=abc", "page")]
    [InlineData("?network=not-a-guid", "network")]
    [InlineData("?ags=123", "ags")]
    public async Task Bad_filters_get_400_naming_the_parameter(string query, string parameter)
    {
        using var response = await _anonymous.GetAsync("/api/registry/members" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task A_member_shows_its_networks_and_its_own_members()
    {
        var heidelberg = await _anonymous.GetFromJsonAsync<MemberDetails>($"/api/registry/members/{Samples.Heidelberg}", Json.Options);
        Assert.Equal(["Kommune 2.0 e. V.", "Metropolregion Rhein-Neckar"], heidelberg!.Networks.Select(n => n.Name).Order());

        var networks = await _anonymous.GetFromJsonAsync<List<MemberSummary>>($"/api/registry/members/{Samples.Heidelberg}/networks?transitive=true", Json.Options);
        Assert.Equal(2, networks!.Count);

        using var missing = await _anonymous.GetAsync($"/api/registry/members/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_networks_come_in_one_answer_with_their_counts_every_member_network_and_the_first_others()
    {
        var networks = (await _anonymous.GetFromJsonAsync<List<NetworkOverview>>("/api/registry/networks?shown=2", Json.Options))!;

        var ofNetworks = networks.Select(n => n.Network.Id).ToHashSet();
        var association = Assert.Single(networks, n => n.Network.Id == Samples.Association);
        Assert.True(association.MemberCount >= 8);
        Assert.Contains(association.Members, m => m.Id == Samples.Metropolregion); // a network is always shown
        Assert.Equal(2, association.Members.Count(m => !ofNetworks.Contains(m.Id)));
        var region = Assert.Single(networks, n => n.Network.Id == Samples.Metropolregion);
        Assert.Equal(region.MemberCount, (await ListAsync($"?network={Samples.Metropolregion}&transitive=false")).Total);
        Assert.DoesNotContain(networks, n => n.Network.Id == Samples.Heidelberg);

        var networksOnly = (await _anonymous.GetFromJsonAsync<List<NetworkOverview>>("/api/registry/networks?shown=0", Json.Options))!;
        var shownOfAssociation = Assert.Single(networksOnly, n => n.Network.Id == Samples.Association).Members;
        Assert.Contains(shownOfAssociation, m => m.Id == Samples.Metropolregion);
        Assert.All(shownOfAssociation, m => Assert.Contains(m.Id, ofNetworks));
    }

    [Theory]
    [InlineData("?shown=-1")]
    [InlineData("?shown=501")]
    [InlineData("?shown=viele")]
    public async Task A_bad_number_of_members_shown_gets_400_naming_it(string query)
    {
        using var response = await _anonymous.GetAsync("/api/registry/networks" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("shown", out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task A_body_over_one_MiB_gets_413_naming_the_body_before_anything_is_read()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        var huge = $$"""{"kind":"city","name":"{{new string('x', 1024 * 1024)}}"}""";

        foreach (var client in new[] { office, _anonymous })
        {
            using var response = await client.PostAsync("/api/registry/members", new StringContent(huge, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Die Anfrage ist zu groß.", problem.RootElement.GetProperty("title").GetString());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("body", out _), problem.RootElement.ToString());
        }
    }

    [Fact]
    public async Task Writes_need_the_office_role()
    {
        using var anonymous = await _anonymous.PostAsJsonAsync("/api/registry/members", Samples.Mannheim);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var node = await _registry.ClientAsAsync("node-pforzheim");
        using var forbidden = await node.PostAsJsonAsync("/api/registry/members", Samples.Mannheim);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_office_adds_changes_and_suspends_a_member()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var created = await office.PostAsJsonAsync("/api/registry/members", new { kind = "county", name = "Rhein-Neckar-Kreis", ags = "08226000" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var county = (await created.Content.ReadFromJsonAsync<MemberDto>(Json.Options))!;
        Assert.Equal(created.Headers.Location?.OriginalString, $"/api/registry/members/{county.Id}");

        using var duplicate = await office.PostAsJsonAsync("/api/registry/members", new { kind = "county", name = "Doppelt", ags = "08226000" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        using var suspended = await office.PutAsJsonAsync($"/api/registry/members/{county.Id}",
            new { kind = "county", name = "Rhein-Neckar-Kreis", ags = "08226000", status = "suspended" });
        var changed = (await suspended.Content.ReadFromJsonAsync<MemberDto>(Json.Options))!;
        Assert.Equal(MemberStatus.Suspended, changed.Status);
        Assert.False(changed.MayVote);
    }

    [Fact]
    public async Task Server_owned_fields_the_office_sends_are_not_stored()
    {
        var chosenId = Guid.NewGuid();
        using var office = await _registry.ClientAsAsync("office-integration");
        using var created = await office.PostAsync("/api/registry/members", new StringContent($$"""
            {"kind":"city","name":"Hockenheim","ags":"08226036","id":"{{chosenId}}","updatedAt":"2000-01-01T00:00:00Z"}
            """, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var member = (await created.Content.ReadFromJsonAsync<MemberDto>(Json.Options))!;
        Assert.NotEqual(chosenId, member.Id);
        Assert.True(member.UpdatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        using var missing = await _anonymous.GetAsync($"/api/registry/members/{chosenId}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var stored = await _anonymous.GetFromJsonAsync<MemberDetails>($"/api/registry/members/{member.Id}", Json.Options);
        Assert.Equal(member.UpdatedAt, stored!.Member.UpdatedAt);

        using var person = await office.PostAsync("/api/registry/people", new StringContent($$"""
            {"userName":"hockenheim-redaktion","name":"Paula Hockenheimer","memberId":"{{member.Id}}","roles":["city-editor"],
             "password":"ein-langes-passwort","id":"{{chosenId}}","passwordHash":"AQAAAAIAAYagAAAAEchosen","failedSignIns":0}
            """, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        using var scope = _registry.Services.CreateScope();
        var saved = scope.ServiceProvider.GetRequiredService<RegistryDb>().People.AsNoTracking().Single(p => p.UserName == "hockenheim-redaktion");
        Assert.NotEqual(chosenId, saved.Id);
        Assert.NotEqual("AQAAAAIAAYagAAAAEchosen", saved.PasswordHash);
    }

    [Theory]
    [InlineData("""{"kind":"city","name":"Mannheim"}""", "ags")]
    [InlineData("""{"kind":"city","name":"Mannheim","ags":"0822200"}""", "ags")]
    [InlineData("""{"kind":"village","name":"Mannheim"}""", "kind")]
    [InlineData("""{"kind":"city","name":"Mannheim","ags":"08222000","memberSince":"gestern"}""", "memberSince")]
    [InlineData("""{"kind":"partner-institution","name":"Bitkom 2","hasVotingRight":true}""", "hasVotingRight")]
    [InlineData("""{"kind":"city",""", "body")]
    public async Task Invalid_members_get_400_naming_the_field(string body, string field)
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var response = await office.PostAsync("/api/registry/members", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task A_networks_memberships_say_which_members_consented_to_the_relay()
    {
        var members = await _anonymous.GetFromJsonAsync<List<NetworkMemberDto>>($"/api/registry/members/{Samples.Metropolregion}/memberships", Json.Options) ?? [];

        Assert.Contains(new NetworkMemberDto(Samples.Heidelberg, MemberKind.City, "Heidelberg", RelayAllowed: true), members);
        Assert.Contains(members, m => m is { Name: "Weinheim", RelayAllowed: true });
        Assert.Contains(members, m => m is { Name: "Schwetzingen", RelayAllowed: false });
        using var missing = await _anonymous.GetAsync($"/api/registry/members/{Guid.NewGuid()}/memberships");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Network_memberships_are_added_removed_and_cycles_refused()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var join = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Metropolregion}/members/{Samples.Pforzheim}", new { relayAllowed = false });
        Assert.Equal(HttpStatusCode.Created, join.StatusCode);

        using var cycle = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Heidelberg}/members/{Samples.Association}", new { });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("memberId", await cycle.Content.ReadAsStringAsync());

        using var leave = await office.DeleteAsync($"/api/registry/members/{Samples.Metropolregion}/members/{Samples.Pforzheim}");
        Assert.Equal(HttpStatusCode.NoContent, leave.StatusCode);
    }

    [Fact]
    public async Task People_are_visible_to_the_office_only()
    {
        using var anonymous = await _anonymous.GetAsync("/api/registry/people");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var office = await _registry.ClientAsAsync("office-integration");
        var page = await office.GetFromJsonAsync<JsonElement>($"/api/registry/people?member={Samples.Heidelberg}");
        var people = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("Svenja Baumgärtner", Assert.Single(people).GetProperty("name").GetString());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.DoesNotContain("passwordHash", people[0].ToString(), StringComparison.OrdinalIgnoreCase);

        foreach (var (query, field) in new[] { ("page=10001", "page"), ("pageSize=201", "pageSize"), ("pageSize=0", "pageSize") })
        {
            using var outOfBounds = await office.GetAsync($"/api/registry/people?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, outOfBounds.StatusCode);
            using var bounds = JsonDocument.Parse(await outOfBounds.Content.ReadAsStringAsync());
            Assert.True(bounds.RootElement.GetProperty("errors").TryGetProperty(field, out _), query);
        }

        using var invalid = await office.PostAsJsonAsync("/api/registry/people", new { userName = "x", name = "", roles = new[] { "king" } });
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "userName", "name", "memberId", "roles", "password" })
            Assert.True(errors.TryGetProperty(field, out _), field);
    }
}
