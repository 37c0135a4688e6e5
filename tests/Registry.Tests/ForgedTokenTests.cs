using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kommune20.Registry.Identity;
using Kommune20.Testing;

namespace Kommune20.Registry.Tests;

/// <summary>The Registry itself, not only the gateway in front of it, refuses forged tokens for its office APIs.</summary>
public sealed class ForgedTokenTests : IClassFixture<ForgedTokenTests.App>
{
    public sealed class App : IDisposable
    {
        public RegistryApp Registry { get; } = new();

        public App() => Registry.CreateClient().Dispose();

        public void Dispose() => Registry.Dispose();
    }

    readonly RegistryApp _registry;

    public ForgedTokenTests(App app) => _registry = app.Registry;

    [Theory]
    [MemberData(nameof(ForgedTokens.Kinds), MemberType = typeof(ForgedTokens))]
    public async Task A_forged_office_token_is_refused(string forgery)
    {
        // Signed with the issuer's own key, so only the forged part can be why the token is refused.
        var key = IssuerKeys.LoadOrCreate(_registry.DataDirectory).SigningKey;
        using var http = _registry.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            ForgedTokens.Make(forgery, key, "http://localhost/", Samples.Association));

        using var response = await http.PostAsJsonAsync("/api/registry/members", Samples.Mannheim);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_same_token_unforged_is_accepted()
    {
        var key = IssuerKeys.LoadOrCreate(_registry.DataDirectory).SigningKey;
        var valid = ForgedTokens.Make(ForgedTokens.Genuine, key, "http://localhost/", Samples.Association);
        using var http = _registry.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", valid);

        using var response = await http.GetAsync("/api/registry/people");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
