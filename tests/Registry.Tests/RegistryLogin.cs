using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Kommune20.Registry.Tests;

/// <summary>A person signing in at the Registry's login page, and the portal's authorization code flow around it.</summary>
public static partial class RegistryLogin
{
    public const string PortalRedirectUri = "http://localhost:8080/signin-oidc";

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string userName, string password, string returnUrl = "/")
    {
        var page = await browser.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page);
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = token.Groups["value"].Value,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    /// <summary>The token response (access, refresh and id token) for a person, as the portal receives it.</summary>
    public static async Task<JsonElement> PortalTokensAsync(HttpClient browser, string userName, string password)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "portal",
            ["response_type"] = "code",
            ["redirect_uri"] = PortalRedirectUri,
            ["scope"] = "openid profile roles offline_access kommune20",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
            ["state"] = "s",
        });
        using var toLogin = await browser.GetAsync(authorize);
        var returnUrl = QueryHelpers.ParseQuery(toLogin.Headers.Location!.Query)["ReturnUrl"].ToString();
        using var loggedIn = await LoginAsync(browser, userName, password, returnUrl);
        using var toPortal = await browser.GetAsync(loggedIn.Headers.Location);
        var code = QueryHelpers.ParseQuery(toPortal.Headers.Location!.Query)["code"].ToString();

        using var tokens = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "portal",
            ["code"] = code,
            ["redirect_uri"] = PortalRedirectUri,
            ["code_verifier"] = verifier,
        }));
        tokens.EnsureSuccessStatusCode();
        return await tokens.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient http, string refreshToken) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "portal",
            ["refresh_token"] = refreshToken,
        }));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
