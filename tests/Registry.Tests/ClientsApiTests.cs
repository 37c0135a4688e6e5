using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kommune20.Registry.Clients;
using Kommune20.Registry.Members;
using Kommune20.ServiceDefaults;

namespace Kommune20.Registry.Tests;

public sealed class ClientsApiTests : IClassFixture<ClientsApiTests.App>
{
    public sealed class App : IDisposable
    {
        public RegistryApp Registry { get; } = new();

        // Starting the app seeds the demo clients, whose secrets the tests sign in with.
        public App() => Registry.CreateClient().Dispose();

        public void Dispose() => Registry.Dispose();
    }

    readonly RegistryApp _registry;

    public ClientsApiTests(App app) => _registry = app.Registry;

    [Fact]
    public async Task The_office_gives_a_new_member_a_node_credential_that_speaks_for_it()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var joined = await office.PostAsJsonAsync("/api/registry/members", new { kind = "city", name = "Ulm", ags = "08421000" });
        var ulm = (await joined.Content.ReadFromJsonAsync<MemberDto>(Json.Options))!;

        using var registered = await office.PostAsJsonAsync($"/api/registry/members/{ulm.Id}/clients", new { clientId = "node-ulm", displayName = "Knoten Ulm" });

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var client = (await registered.Content.ReadFromJsonAsync<NodeClientCreated>(Json.Options))!;
        Assert.Equal(("node-ulm", ulm.Id, "city-node"), (client.ClientId, client.MemberId, Assert.Single(client.Roles)));
        Assert.Equal(GeneratedSecrets.ClientSecretLength, client.ClientSecret.Length);

        var claims = await TokenClaimsAsync(client.ClientId, client.ClientSecret);
        Assert.Equal(ulm.Id.ToString(), claims.GetProperty("member_id").GetString());
        Assert.Equal("city-node", claims.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Only_the_office_registers_credentials()
    {
        using var node = await _registry.ClientAsAsync("node-pforzheim");
        using var response = await node.PostAsJsonAsync($"/api/registry/members/{Samples.Pforzheim}/clients", new { clientId = "node-pforzheim-2", displayName = "Zweiter Knoten" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"clientId":"Knoten Ulm","displayName":"Knoten Ulm"}""", "clientId")]
    [InlineData("""{"clientId":"ab","displayName":"Knoten"}""", "clientId")]
    [InlineData("""{"displayName":"Knoten"}""", "clientId")]
    [InlineData("""{"clientId":"node-heidelberg","displayName":"Noch ein Knoten"}""", "clientId")]
    [InlineData("""{"clientId":"portal","displayName":"Das Portal"}""", "clientId")]
    [InlineData("""{"clientId":"node-neu","displayName":"  "}""", "displayName")]
    public async Task Invalid_credentials_get_400_naming_the_field(string body, string field)
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var response = await office.PostAsync($"/api/registry/members/{Samples.Heidelberg}/clients", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task An_unknown_member_is_not_found()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var response = await office.PostAsJsonAsync($"/api/registry/members/{Guid.NewGuid()}/clients", new { clientId = "node-niemand", displayName = "Knoten" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The claims of a client-credentials access token (a signed JWT; its payload is the second part).</summary>
    async Task<JsonElement> TokenClaimsAsync(string clientId, string secret)
    {
        using var http = _registry.CreateClient();
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "kommune20",
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.Clone();
    }
}
