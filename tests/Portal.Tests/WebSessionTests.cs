using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Kommune20.WebUi.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Portal.Tests;

/// <summary>
/// A web application's session (<see cref="WebSignIn"/>) renews the person's short-lived access token with the refresh
/// token, ends when the issuer refuses that, and is ended only by the sign-out button of its own pages.
/// </summary>
public sealed partial class WebSessionTests : IAsyncLifetime
{
    const string Issuer = "http://issuer.test/";
    readonly FakeIssuer _issuer = new();
    readonly string _data = TestEnvironment.NewDataDirectory("web-session");
    WebApplication _app = null!;
    HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["K20_DATA"] = _data;
        builder.Configuration["Identity:Issuer"] = Issuer;
        builder.AddServiceDefaults();
        builder.AddWebSignIn("k20.test");
        builder.Services.AddAntiforgery();
        builder.Services.Configure<OpenIdConnectOptions>(WebSignIn.IssuerScheme, options => options.BackchannelHttpHandler = _issuer);
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.UseAntiforgery();
        _app.MapWebSignIn();
        // What the OpenID Connect handler keeps in the session after a sign-in at the issuer.
        _app.MapGet("/test/sitzung", (HttpContext http, int expiresInSeconds) =>
        {
            var properties = new AuthenticationProperties();
            properties.StoreTokens([
                new AuthenticationToken { Name = "access_token", Value = "alt" },
                new AuthenticationToken { Name = "refresh_token", Value = FakeIssuer.RefreshToken },
                new AuthenticationToken { Name = "expires_at", Value = DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds).ToString("o") },
            ]);
            var person = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "p1"), new Claim("name", "Svenja")], "test"));
            return Results.SignIn(person, properties, WebSignIn.CookieScheme);
        });
        _app.MapGet("/test/token", async (HttpContext http) => await http.GetTokenAsync("access_token") ?? "keins");
        _app.MapGet("/test/formular", (HttpContext http, IAntiforgery antiforgery) =>
            $"""<input name="__RequestVerificationToken" value="{antiforgery.GetAndStoreTokens(http).RequestToken}">""");
        await _app.StartAsync();
        var server = _app.GetTestServer();
        _browser = new HttpClient(new CookieContainerHandler { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task An_expiring_access_token_is_renewed_once_with_the_refresh_token()
    {
        await _browser.GetAsync("/test/sitzung?expiresInSeconds=30");

        Assert.Equal("neu", await _browser.GetStringAsync("/test/token"));
        Assert.Equal("neu", await _browser.GetStringAsync("/test/token"));
        Assert.Equal(1, _issuer.Refreshes);
    }

    [Fact]
    public async Task A_fresh_access_token_is_used_as_it_is()
    {
        await _browser.GetAsync("/test/sitzung?expiresInSeconds=600");

        Assert.Equal("alt", await _browser.GetStringAsync("/test/token"));
        Assert.Equal(0, _issuer.Refreshes);
    }

    [Fact]
    public async Task When_the_issuer_refuses_to_renew_the_session_ends()
    {
        _issuer.Refuses = true;
        await _browser.GetAsync("/test/sitzung?expiresInSeconds=-10");

        Assert.Equal("keins", await _browser.GetStringAsync("/test/token"));
        Assert.Equal("keins", await _browser.GetStringAsync("/test/token"));
        Assert.Equal(1, _issuer.Refreshes);
    }

    [Fact]
    public async Task Signing_out_takes_the_antiforgery_token_of_our_own_pages()
    {
        await _browser.GetAsync("/test/sitzung?expiresInSeconds=600");

        using var forged = await _browser.PostAsync("/abmelden", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("alt", await _browser.GetStringAsync("/test/token"));

        var token = AntiforgeryValue().Match(await _browser.GetStringAsync("/test/formular")).Groups[1].Value;
        using var signedOut = await _browser.PostAsync("/abmelden", new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith(Issuer + "connect/logout", signedOut.Headers.Location!.AbsoluteUri);
        Assert.Equal("keins", await _browser.GetStringAsync("/test/token"));
    }

    /// <summary>The issuer's metadata and token endpoint, renewing one refresh token unless told to refuse.</summary>
    sealed class FakeIssuer : HttpMessageHandler
    {
        public const string RefreshToken = "r1";
        int _refreshes;

        public int Refreshes => _refreshes;
        public bool Refuses { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/.well-known/openid-configuration")
            {
                return Json(HttpStatusCode.OK, $$"""
                    {"issuer":"{{Issuer}}","authorization_endpoint":"{{Issuer}}connect/authorize","token_endpoint":"{{Issuer}}connect/token",
                     "end_session_endpoint":"{{Issuer}}connect/logout"}
                    """);
            }
            Interlocked.Increment(ref _refreshes);
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            return !Refuses && form.Contains("grant_type=refresh_token") && form.Contains("refresh_token=" + RefreshToken)
                ? Json(HttpStatusCode.OK, """{"access_token":"neu","refresh_token":"r2","token_type":"Bearer","expires_in":900}""")
                : Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""");
        }

        static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
    }

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryValue();
}
