using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kommune20.Registry.Tests;

/// <summary>People's access tokens live 15 minutes and are renewed with a refresh token, which a deactivated person no longer gets.</summary>
public sealed class PersonTokenTests : IDisposable
{
    readonly RegistryApp _registry = new();

    public void Dispose() => _registry.Dispose();

    async Task<JsonElement> SignInAsync(string userName)
    {
        using var browser = _registry.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var person = (await DemoCredentials.ReadAsync(_registry.CredentialsFile)).PersonNamed(userName);
        return await RegistryLogin.PortalTokensAsync(browser, userName, person.Password);
    }

    static TimeSpan Lifetime(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        return token.ValidTo - token.IssuedAt;
    }

    [Fact]
    public async Task A_person_gets_an_access_token_for_15_minutes_and_renews_it_with_the_refresh_token()
    {
        var tokens = await SignInAsync("heidelberg");

        Assert.Equal(TimeSpan.FromMinutes(15), Lifetime(tokens.GetProperty("access_token").GetString()!));
        Assert.InRange(tokens.GetProperty("expires_in").GetInt32(), 890, 900);

        using var http = _registry.CreateClient();
        using var renewed = await RegistryLogin.RefreshAsync(http, tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var again = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TimeSpan.FromMinutes(15), Lifetime(again.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task A_deactivated_person_gets_no_new_access_token()
    {
        var tokens = await SignInAsync("pforzheim");
        using var office = await _registry.ClientAsAsync("office-integration");
        var person = (await office.GetFromJsonAsync<JsonElement>($"/api/registry/people?member={Samples.Pforzheim}")).GetProperty("items").EnumerateArray().Single();
        using var deactivated = await office.PutAsJsonAsync($"/api/registry/people/{person.GetProperty("id").GetString()}", new
        {
            name = person.GetProperty("name").GetString(),
            memberId = Samples.Pforzheim,
            roles = person.GetProperty("roles"),
            isActive = false,
        });
        deactivated.EnsureSuccessStatusCode();

        using var http = _registry.CreateClient();
        using var refused = await RegistryLogin.RefreshAsync(http, tokens.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_client_credentials_token_lives_15_minutes_too()
    {
        using var http = _registry.CreateClient(); // starts the Registry, which writes the credentials
        var credentials = await DemoCredentials.ReadAsync(_registry.CredentialsFile);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "node-pforzheim",
            ["client_secret"] = credentials.ClientNamed("node-pforzheim").ClientSecret,
            ["scope"] = "kommune20",
        }));
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(TimeSpan.FromMinutes(15), Lifetime(token.GetProperty("access_token").GetString()!));
    }
}
