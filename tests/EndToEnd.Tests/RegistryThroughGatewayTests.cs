using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Registry;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>The foundation's promise, end to end: the Registry and the gateway as real processes with a real RabbitMQ.</summary>
[Collection(SharedHub.Name)]
public sealed class RegistryThroughGatewayTests(ObservedHub fixture)
{
    Hub Hub => fixture.Hub;

    static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_visitor_lists_the_members_and_finds_Heidelberg_with_its_AGS()
    {
        using var http = new HttpClient { BaseAddress = Hub.Gateway };
        using var page = JsonDocument.Parse(await http.GetStringAsync("/api/registry/members?pageSize=200"));
        var heidelberg = page.RootElement.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Heidelberg");
        Assert.Equal("08221000", heidelberg.GetProperty("ags").GetString());
        Assert.Equal("city", heidelberg.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_office_signs_in_adds_a_member_and_MemberJoined_is_consumed()
    {
        await using var probe = await EventProbe<MemberJoined>.SubscribeAsync(Hub);
        var office = Hub.Credentials.PersonNamed("geschaeftsstelle");
        var token = await Hub.SignIn.PersonTokenAsync(office.UserName, office.Password);
        using var http = SignIn.WithToken(Hub.Gateway, token);

        using var response = await http.PostAsync("/api/registry/members",
            JsonBody("""{"kind":"city","name":"Mannheim","ags":"08222000","website":"https://www.mannheim.de"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        await Eventually.HoldsAsync(() =>
        {
            var joined = Assert.Single(probe.Consumed, e => e.MemberId == id);
            Assert.Equal("Mannheim", joined.Name);
            Assert.Equal("08222000", joined.Ags);
            Assert.Equal("Baden-Württemberg", joined.FederalState);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_write_without_a_token_gets_401()
    {
        using var http = new HttpClient { BaseAddress = Hub.Gateway };
        using var response = await http.PostAsync("/api/registry/members", JsonBody("""{"kind":"city","name":"Mannheim","ags":"08222000"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_write_with_the_wrong_role_gets_403()
    {
        var editor = Hub.Credentials.PersonNamed("heidelberg");
        using var asEditor = SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(editor.UserName, editor.Password));
        using var byEditor = await asEditor.PostAsync("/api/registry/members", JsonBody("""{"kind":"city","name":"Mannheim","ags":"08222000"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);

        var node = Hub.Credentials.ClientNamed("node-pforzheim");
        using var asNode = SignIn.WithToken(Hub.Gateway, await Hub.SignIn.ClientTokenAsync(node.ClientId, node.ClientSecret));
        using var byNode = await asNode.PutAsync($"/api/registry/members/{node.MemberId}", JsonBody("""{"kind":"city","name":"Pforzheim","ags":"08231000"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, byNode.StatusCode);
    }

    [Fact]
    public async Task Invalid_data_gets_400_naming_the_field()
    {
        var client = Hub.Credentials.ClientNamed("office-integration");
        using var http = SignIn.WithToken(Hub.Gateway, await Hub.SignIn.ClientTokenAsync(client.ClientId, client.ClientSecret));
        using var response = await http.PostAsync("/api/registry/members", JsonBody("""{"kind":"city","name":"Ludwigshafen","ags":"0731400"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("ags", out _));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_on_the_German_login_page()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Hub.SignIn.PersonTokenAsync("geschaeftsstelle", "falsches-passwort"));
        Assert.Contains("Benutzername oder Passwort ist falsch", error.Message);
    }

    [Fact]
    public async Task The_gateway_publishes_discovery_readiness_and_the_API_reference()
    {
        using var http = new HttpClient { BaseAddress = Hub.Gateway };
        using var discovery = JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration"));
        Assert.Equal(Hub.Gateway.AbsoluteUri, discovery.RootElement.GetProperty("issuer").GetString());

        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        Assert.Contains("registry", await http.GetStringAsync("/api/docs"));
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/registry.json"));
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/registry/members", out _));
    }
}
