using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Kommune20.Testing;

/// <summary>Obtains access tokens from the network's issuer the way real clients do: client credentials for city
/// nodes and integrations, the authorization code flow with PKCE and the German login page for people.</summary>
public sealed partial class SignIn(Uri gateway)
{
    public const string PortalClientId = "portal";
    public Uri PortalRedirectUri => new(gateway, "/signin-oidc");

    /// <summary>A web application's public client at the issuer: where its sign-in comes back, what its tokens are for.</summary>
    public sealed record WebClient(string ClientId, Uri RedirectUri, string Audience)
    {
        /// <summary>The Registry's settings that register this client (<c>Identity__WebClients__N__…</c>), as the launcher writes them.</summary>
        public Dictionary<string, string> RegistrySettings(int index) => new()
        {
            [$"Identity__WebClients__{index}__ClientId"] = ClientId,
            [$"Identity__WebClients__{index}__RedirectUris__0"] = RedirectUri.AbsoluteUri,
        };
    }

    public WebClient Portal => new(PortalClientId, PortalRedirectUri, "kommune20");

    /// <summary>A city node's pages at <paramref name="node"/>: their own client (node-heidelberg-web), which is also their audience.</summary>
    public static WebClient NodePages(string nodeClientId, Uri node) => new(nodeClientId + "-web", new Uri(node, "/signin-oidc"), nodeClientId + "-web");

    sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);

    public async Task<string> ClientTokenAsync(string clientId, string clientSecret)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "kommune20",
        }));
        return await ReadTokenAsync(response);
    }

    /// <param name="client">The web application the person signs in at; the portal when null.</param>
    public async Task<string> PersonTokenAsync(string userName, string password, WebClient? client = null)
    {
        client ??= Portal;
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = gateway };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?" + string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = client.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = client.RedirectUri.AbsoluteUri,
            ["scope"] = "openid profile roles " + client.Audience,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = Guid.NewGuid().ToString("N"),
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        var toLogin = await ExpectRedirectAsync(await http.GetAsync(authorize));
        var loginPage = await http.GetStringAsync(toLogin);
        var fields = HiddenFields(loginPage);
        fields["userName"] = userName;
        fields["password"] = password;
        var backToAuthorize = await ExpectRedirectAsync(await http.PostAsync("/account/login", new FormUrlEncodedContent(fields)));
        var toPortal = await ExpectRedirectAsync(await http.GetAsync(backToAuthorize));
        var code = Regex.Match(toPortal.Query, "[?&]code=([^&]+)").Groups[1].Value;
        if (code.Length == 0)
            throw new InvalidOperationException("The issuer answered without a code: " + toPortal);

        using var tokenResponse = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = client.ClientId,
            ["code"] = Uri.UnescapeDataString(code),
            ["redirect_uri"] = client.RedirectUri.AbsoluteUri,
            ["code_verifier"] = verifier,
        }));
        return await ReadTokenAsync(tokenResponse);
    }

    /// <summary>
    /// A person signs in at the portal as a browser without script does: <c>/anmelden</c>, the issuer's login page, back at
    /// <c>/signin-oidc</c>, and on to <paramref name="returnPath"/>, whose page this answers. The session's cookie stays in
    /// <paramref name="cookies"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PortalSessionAsync(string userName, string password, string returnPath, CookieContainer cookies)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = gateway };
        using var loginPage = await http.GetAsync("/anmelden?returnUrl=" + Uri.EscapeDataString(returnPath));
        var fields = HiddenFields(await loginPage.Content.ReadAsStringAsync());
        fields["userName"] = userName;
        fields["password"] = password;
        return await http.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    public static HttpClient WithToken(Uri baseAddress, string token)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    Uri ExpectRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(gateway, location))
            : throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}");

    async Task<Uri> ExpectRedirectAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
                return ExpectRedirect(response);
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    static async Task<string> ReadTokenAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Token request failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
            return token?.AccessToken ?? throw new InvalidOperationException("No access token in the response.");
        }
    }

    static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
