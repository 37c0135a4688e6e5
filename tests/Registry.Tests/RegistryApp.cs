using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kommune20.Registry.Tests;

/// <summary>
/// The Registry in-process over a fresh database (SQLite by default), seeded with the demo data and connected to the test
/// broker. It listens before its database is migrated and seeded, so its start waits for that startup work, as the
/// launcher waits for <c>/health/ready</c>, unless <paramref name="waitForStartupWork"/> is false.
/// </summary>
public sealed class RegistryApp(Dictionary<string, string?>? settings = null, bool waitForStartupWork = true) : WebApplicationFactory<Program>
{
    static readonly TimeSpan StartupWorkTimeout = TimeSpan.FromSeconds(60);

    readonly string _data = TestEnvironment.NewDataDirectory("registry");

    public string CredentialsFile => Path.Combine(_data, "demo-credentials.json");

    public string DataDirectory => _data;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("K20_DATA", _data);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Seed:CredentialsFile", CredentialsFile);
        builder.UseSetting("ConnectionStrings:RabbitMq", TestEnvironment.RabbitMq);
        builder.UseSetting("Identity:Issuer", "http://localhost/");
        foreach (var (key, value) in settings ?? [])
            builder.UseSetting(key, value);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (waitForStartupWork)
            host.Services.GetRequiredService<StartupGate>().Done.WaitAsync(StartupWorkTimeout).GetAwaiter().GetResult();
        return host;
    }

    sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);

    /// <summary>A client whose requests carry a client-credentials token of the named demo client.</summary>
    public async Task<HttpClient> ClientAsAsync(string clientId)
    {
        var http = CreateClient(); // starts the Registry, which writes the credentials on its first start
        var credentials = await DemoCredentials.ReadAsync(CredentialsFile);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = credentials.ClientNamed(clientId).ClientSecret,
            ["scope"] = "kommune20",
        }));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return http;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }
}
