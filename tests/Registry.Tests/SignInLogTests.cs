using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kommune20.Registry.Tests;

/// <summary>Whatever the Registry logs about sign-ins, it never writes a password, a client secret or a token.</summary>
public sealed class SignInLogTests : IDisposable
{
    readonly RegistryApp _registry = new();
    readonly CapturedLogs _logs = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task A_sign_in_leaves_no_secret_or_token_in_the_logs()
    {
        using var registry = _registry.WithWebHostBuilder(web =>
            web.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(_logs)));
        using var browser = registry.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var credentials = await DemoCredentials.ReadAsync(_registry.CredentialsFile);
        var person = credentials.PersonNamed("heidelberg");
        var client = credentials.ClientNamed("node-pforzheim");

        var tokens = await RegistryLogin.PortalTokensAsync(browser, person.UserName, person.Password);
        using var refreshed = await RegistryLogin.RefreshAsync(browser, tokens.GetProperty("refresh_token").GetString()!);
        using var clientToken = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = "kommune20",
        }));
        var issued = await clientToken.Content.ReadFromJsonAsync<JsonElement>();

        var logged = string.Join('\n', _logs.Lines);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(person.Password, logged);
        Assert.DoesNotContain(client.ClientSecret, logged);
        foreach (var token in new[] { tokens.GetProperty("access_token"), tokens.GetProperty("refresh_token"), tokens.GetProperty("id_token"), issued.GetProperty("access_token") })
            Assert.DoesNotContain(token.GetString()!, logged);
    }
}
