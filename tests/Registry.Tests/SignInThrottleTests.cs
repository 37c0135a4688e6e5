using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Registry.Identity;
using Kommune20.Registry.People;
using Kommune20.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Registry.Tests;

/// <summary>Guessing a person's password or a client's secret is slowed down, then locked until the office lifts it.</summary>
public sealed class SignInThrottleTests : IDisposable
{
    readonly RegistryApp _registry = new();

    public void Dispose() => _registry.Dispose();

    HttpClient Browser() => _registry.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    async Task<HttpResponseMessage> ClientTokenAsync(string clientId, string secret)
    {
        using var http = _registry.CreateClient();
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "kommune20",
        }));
    }

    [Fact]
    public async Task Guessing_a_password_locks_the_account_until_the_office_lifts_it()
    {
        using var browser = Browser();
        using var office = await _registry.ClientAsAsync("office-integration");
        var heidelberg = (await DemoCredentials.ReadAsync(_registry.CredentialsFile)).PersonNamed("heidelberg");

        for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
        {
            using var wrong = await RegistryLogin.LoginAsync(browser, "heidelberg", "falsch-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var locked = await RegistryLogin.LoginAsync(browser, "heidelberg", heidelberg.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single()), 1, (int)SignInThrottle.FirstWait.TotalSeconds);
        Assert.Contains("Zu viele Fehlversuche", await locked.Content.ReadAsStringAsync());

        var people = await office.GetFromJsonAsync<JsonElement>($"/api/registry/people?member={Samples.Heidelberg}");
        var personId = people.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString();
        using var lifted = await office.DeleteAsync($"/api/registry/people/{personId}/lockout");
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);

        using var signedIn = await RegistryLogin.LoginAsync(browser, "heidelberg", heidelberg.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Only_the_office_lifts_a_lockout()
    {
        using var node = await _registry.ClientAsAsync("node-pforzheim");
        using var response = await node.DeleteAsync($"/api/registry/people/{Guid.NewGuid()}/lockout");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_office_lists_the_locked_people_and_clients_and_lifting_takes_them_off()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using (var browser = Browser())
        {
            for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
            {
                (await RegistryLogin.LoginAsync(browser, "heidelberg", "falsch")).Dispose();
                (await RegistryLogin.LoginAsync(browser, "niemand", "falsch")).Dispose();
                (await ClientTokenAsync("node-pforzheim", "falsch")).Dispose();
            }
        }

        var locked = await office.GetFromJsonAsync<List<JsonElement>>("/api/registry/lockouts");
        Assert.Equal([("person", "Svenja Baumgärtner", "Heidelberg"), ("client", "node-pforzheim", "Pforzheim")],
            locked!.Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("name").GetString(), l.GetProperty("memberName").GetString())));
        Assert.All(locked!, l => Assert.Equal(SignInThrottle.FreeAttempts, l.GetProperty("failures").GetInt32()));

        var person = locked!.Single(l => l.GetProperty("kind").GetString() == "person");
        using var lifted = await office.DeleteAsync($"/api/registry/people/{person.GetProperty("id").GetString()}/lockout");
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        var left = await office.GetFromJsonAsync<List<JsonElement>>("/api/registry/lockouts");
        Assert.Equal("node-pforzheim", Assert.Single(left!).GetProperty("id").GetString());

        using var node = await _registry.ClientAsAsync("node-heilbronn");
        using var forbidden = await node.GetAsync("/api/registry/lockouts");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task One_address_guessing_many_names_is_slowed_down()
    {
        using var browser = Browser();
        for (var i = 0; i < SignInThrottle.FreeAttemptsPerAddress; i++)
            (await RegistryLogin.LoginAsync(browser, "name-" + i, "falsch")).Dispose();

        using var slowed = await RegistryLogin.LoginAsync(browser, "noch-ein-name", "falsch");

        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.True(slowed.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task An_unknown_name_costs_the_same_password_check_as_a_known_one()
    {
        var hasher = new CountingHasher();
        using var registry = _registry.WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<Person>>(hasher)));
        using var browser = registry.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var known = await RegistryLogin.LoginAsync(browser, "heidelberg", "falsch");
        using var unknown = await RegistryLogin.LoginAsync(browser, "niemand", "falsch");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (known.StatusCode, unknown.StatusCode));
        Assert.Equal(2, hasher.Verifications);
    }

    [Fact]
    public async Task Guessing_a_client_secret_locks_the_client_until_the_office_lifts_it()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        var pforzheim = (await DemoCredentials.ReadAsync(_registry.CredentialsFile)).ClientNamed("node-pforzheim");

        for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
        {
            using var wrong = await ClientTokenAsync("node-pforzheim", "falsch-" + i);
            Assert.False(wrong.IsSuccessStatusCode);
        }
        using var locked = await ClientTokenAsync("node-pforzheim", pforzheim.ClientSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.Contains("Retry-After"));
        var error = await locked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("temporarily_unavailable", error.GetProperty("error").GetString());
        Assert.Contains("Fehlversuche", error.GetProperty("error_description").GetString());

        using var lifted = await office.DeleteAsync($"/api/registry/members/{pforzheim.MemberId}/clients/node-pforzheim/lockout");
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        using var issued = await ClientTokenAsync("node-pforzheim", pforzheim.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    [Fact]
    public async Task A_success_clears_the_failures_before_it()
    {
        using var browser = Browser();
        var credentials = await DemoCredentials.ReadAsync(_registry.CredentialsFile);
        var heidelberg = credentials.PersonNamed("heidelberg");
        var pforzheim = credentials.ClientNamed("node-pforzheim");

        // Twice one attempt short of the lock-out, with a success between: the second round starts from nothing.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 1; i < SignInThrottle.FreeAttempts; i++)
            {
                (await RegistryLogin.LoginAsync(browser, "heidelberg", "falsch-" + i)).Dispose();
                (await ClientTokenAsync("node-pforzheim", "falsch-" + i)).Dispose();
            }
            using var signedIn = await RegistryLogin.LoginAsync(browser, "heidelberg", heidelberg.Password);
            using var issued = await ClientTokenAsync("node-pforzheim", pforzheim.ClientSecret);
            Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.OK), (signedIn.StatusCode, issued.StatusCode));
        }
    }

    [Fact]
    public async Task A_lockout_outlives_a_restart()
    {
        using (var browser = Browser())
        {
            for (var i = 0; i < SignInThrottle.FreeAttempts; i++)
                (await RegistryLogin.LoginAsync(browser, "pforzheim", "falsch")).Dispose();
        }
        var password = (await DemoCredentials.ReadAsync(_registry.CredentialsFile)).PersonNamed("pforzheim").Password;

        using var restarted = new RegistryApp(new() { ["K20_DATA"] = _registry.DataDirectory, ["Seed:CredentialsFile"] = _registry.CredentialsFile });
        using var again = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var locked = await RegistryLogin.LoginAsync(again, "pforzheim", password);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
    }

    sealed class CountingHasher : IPasswordHasher<Person>
    {
        readonly PasswordHasher<Person> _inner = new();
        int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(Person user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
