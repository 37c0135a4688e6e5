using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kommune20.Registry.Tests;

/// <summary>
/// The office switches a client off: a city node's federation credential, a relay, a web application. It gets no
/// token, not even by refresh, and the access tokens it holds end within their 15 minutes.
/// </summary>
public sealed class ClientDeactivationTests : IDisposable
{
    readonly RegistryApp _registry = new();

    public void Dispose() => _registry.Dispose();

    async Task<HttpResponseMessage> ClientTokenAsync(string clientId)
    {
        using var http = _registry.CreateClient();
        var credentials = await DemoCredentials.ReadAsync(_registry.CredentialsFile);
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = credentials.ClientNamed(clientId).ClientSecret,
            ["scope"] = "kommune20",
        }));
    }

    static async Task AssertRefusedAsSwitchedOffAsync(HttpResponseMessage response, string clientId)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unauthorized_client", problem.GetProperty("error").GetString());
        Assert.Equal($"Der Client \"{clientId}\" ist abgeschaltet; die Geschäftsstelle kann ihn wieder freischalten.",
            problem.GetProperty("error_description").GetString());
    }

    [Theory]
    [InlineData("node-heidelberg")]
    [InlineData("relay-metropolregion")]
    public async Task A_deactivated_machine_client_gets_no_token_until_the_office_reactivates_it(string clientId)
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var before = await ClientTokenAsync(clientId);
        var held = (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        using var deactivated = await office.PutAsync($"/api/registry/clients/{clientId}/deactivation", null);
        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        using var refused = await ClientTokenAsync(clientId);
        await AssertRefusedAsSwitchedOffAsync(refused, clientId);
        // No check per call: the token it holds ends by itself, at most 15 minutes after it was issued.
        var token = new JsonWebToken(held);
        Assert.True(token.ValidTo - token.IssuedAt <= TimeSpan.FromMinutes(15));

        using var reactivated = await office.DeleteAsync($"/api/registry/clients/{clientId}/deactivation");
        Assert.Equal(HttpStatusCode.NoContent, reactivated.StatusCode);
        using var again = await ClientTokenAsync(clientId);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_deactivated_web_application_gets_no_refresh_and_no_new_sign_in()
    {
        using var browser = _registry.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var person = (await DemoCredentials.ReadAsync(_registry.CredentialsFile)).PersonNamed("heidelberg");
        var tokens = await RegistryLogin.PortalTokensAsync(browser, person.UserName, person.Password);
        using var office = await _registry.ClientAsAsync("office-integration");

        using var deactivated = await office.PutAsync("/api/registry/clients/portal/deactivation", null);
        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);

        using var refresh = await RegistryLogin.RefreshAsync(_registry.CreateClient(), tokens.GetProperty("refresh_token").GetString()!);
        await AssertRefusedAsSwitchedOffAsync(refresh, "portal");
        await AssertSignInRefusedAsync(browser);
    }

    /// <summary>The issuer sends the browser back to the web application with the error instead of a code.</summary>
    static async Task AssertSignInRefusedAsync(HttpClient browser)
    {
        using var authorize = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "portal",
            ["response_type"] = "code",
            ["redirect_uri"] = RegistryLogin.PortalRedirectUri,
            ["scope"] = "openid kommune20",
            ["code_challenge"] = new string('a', 43),
            ["code_challenge_method"] = "S256",
            ["state"] = "s",
        }));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith(RegistryLogin.PortalRedirectUri, authorize.Headers.Location!.AbsoluteUri);
        Assert.Equal("unauthorized_client", QueryHelpers.ParseQuery(authorize.Headers.Location.Query)["error"].ToString());
    }

    [Fact]
    public async Task A_deactivation_outlives_a_restart_of_the_registry()
    {
        using (var office = await _registry.ClientAsAsync("office-integration"))
        {
            using var deactivated = await office.PutAsync("/api/registry/clients/portal/deactivation", null);
            Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        }

        using var restarted = new RegistryApp(new() { ["K20_DATA"] = _registry.DataDirectory, ["Seed:CredentialsFile"] = _registry.CredentialsFile });
        using var browser = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await AssertSignInRefusedAsync(browser);
    }

    [Fact]
    public async Task Only_the_office_switches_clients_off_and_only_clients_that_exist()
    {
        using var node = await _registry.ClientAsAsync("node-pforzheim");
        using var office = await _registry.ClientAsAsync("office-integration");

        using var forbidden = await node.PutAsync("/api/registry/clients/node-heidelberg/deactivation", null);
        using var unknown = await office.PutAsync("/api/registry/clients/node-atlantis/deactivation", null);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var stillServed = await ClientTokenAsync("node-heidelberg");
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }
}
