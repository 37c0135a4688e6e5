using System.Net;
using System.Security.Claims;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Kommune20.WebUi.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Portal.Tests;

/// <summary>
/// The web applications' cookies (the session of <see cref="WebSignIn"/>, antiforgery) carry Secure when the person's
/// request came over TLS: directly, or through the gateway's X-Forwarded-Proto from a trusted proxy; not when it came
/// over plain HTTP or an untrusted sender only claims TLS.
/// </summary>
public sealed class SecureCookieTests : IAsyncLifetime
{
    const string Gateway = "10.20.0.7";
    readonly string _data = TestEnvironment.NewDataDirectory("secure-cookies");
    WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["K20_DATA"] = _data;
        builder.Configuration["Identity:Issuer"] = "http://issuer.test/";
        builder.Configuration["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16";
        builder.AddServiceDefaults();
        builder.AddWebSignIn("k20.test");
        builder.Services.AddAntiforgery();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.UseAntiforgery();
        _app.MapGet("/test/sitzung", () => Results.SignIn(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "p1"), new Claim("name", "Svenja")], "test")),
            authenticationScheme: WebSignIn.CookieScheme));
        _app.MapGet("/test/formular", (HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).RequestToken);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData("/test/sitzung")]
    [InlineData("/test/formular")]
    public async Task Over_tls_directly_the_cookie_is_secure(string path) =>
        Assert.All(await CookiesAsync(path, "https", Gateway, forwardedProto: null), cookie => Assert.Contains("; secure", cookie));

    [Theory]
    [InlineData("/test/sitzung")]
    [InlineData("/test/formular")]
    public async Task Over_tls_through_the_trusted_gateway_the_cookie_is_secure(string path) =>
        Assert.All(await CookiesAsync(path, "http", Gateway, forwardedProto: "https"), cookie => Assert.Contains("; secure", cookie));

    [Theory]
    [InlineData("/test/sitzung", null)]
    [InlineData("/test/formular", null)]
    [InlineData("/test/sitzung", "https")]
    [InlineData("/test/formular", "https")]
    public async Task Over_plain_http_or_from_an_untrusted_sender_the_cookie_is_not_secure(string path, string? forwardedProto) =>
        Assert.All(await CookiesAsync(path, "http", "198.51.100.4", forwardedProto), cookie => Assert.DoesNotContain("; secure", cookie));

    async Task<IReadOnlyList<string>> CookiesAsync(string path, string scheme, string sender, string? forwardedProto)
    {
        var context = await _app.GetTestServer().SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Scheme = scheme;
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = IPAddress.Parse(sender);
            if (forwardedProto is not null)
                http.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });
        var cookies = context.Response.Headers.SetCookie.Select(cookie => cookie!.ToLowerInvariant()).ToList();
        Assert.NotEmpty(cookies);
        return cookies;
    }
}
