using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Kommune20.WebUi.SignIn;

/// <summary>Forwards the signed-in person's access token as a Bearer token, so the services decide what the person may do.</summary>
public sealed class AccessTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await TokenOfAsync(http.HttpContext) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// The signed-in person's access token from the session cookie, or null when nobody is signed in. In an interactive
    /// page this is the context of the page's own connection, whose request carried the cookie.
    /// </summary>
    public static async Task<string?> TokenOfAsync(HttpContext? context) =>
        context is { User.Identity.IsAuthenticated: true } && await context.GetTokenAsync("access_token") is { Length: > 0 } token ? token : null;
}
