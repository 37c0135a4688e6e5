using System.Text;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Kommune20.Registry.Identity;

/// <summary>
/// Client-secret guessing at <c>/connect/token</c>: OpenIddict checks the secret before any endpoint code runs, so the
/// <see cref="SignInThrottle"/> wraps it as middleware, before authentication and after the forwarded address is known.
/// A client-credentials request that is refused counts as a failure; one that is answered with a token clears the count.
/// </summary>
public static class TokenEndpointThrottle
{
    public static IApplicationBuilder UseTokenEndpointThrottle(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.Equals("/connect/token") || !http.Request.HasFormContentType)
        {
            await next(http);
            return;
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form[Parameters.GrantType] != GrantTypes.ClientCredentials)
        {
            await next(http);
            return;
        }

        var throttle = http.RequestServices.GetRequiredService<SignInThrottle>();
        var account = SignInThrottle.Client(ClientId(http, form));
        var check = await throttle.CheckAsync(account, http, http.RequestAborted);
        if (check.Wait is { } wait)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = RetryAfter.Seconds(wait);
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsJsonAsync(new Dictionary<string, string>
            {
                [Parameters.Error] = Errors.TemporarilyUnavailable,
                [Parameters.ErrorDescription] = $"Zu viele Fehlversuche. Bitte versuchen Sie es {RetryAfter.InGerman(wait)} erneut.",
            }, http.RequestAborted);
            return;
        }

        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status200OK)
            await throttle.SucceededAsync(account, check, http.RequestAborted);
        else
            await throttle.FailedAsync(account, http, http.RequestAborted);
    });

    /// <summary>The client id from the form, or from HTTP Basic authentication (client_secret_basic).</summary>
    static string? ClientId(HttpContext http, IFormCollection form)
    {
        if (form[Parameters.ClientId] is [{ Length: > 0 } clientId])
            return clientId;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        var bytes = new byte[header.Length];
        return Convert.TryFromBase64String(header[6..].Trim(), bytes, out var written)
            ? Uri.UnescapeDataString(Encoding.UTF8.GetString(bytes, 0, written).Split(':')[0])
            : null;
    }
}
