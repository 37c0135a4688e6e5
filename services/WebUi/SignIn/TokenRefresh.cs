using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Kommune20.WebUi.SignIn;

/// <summary>
/// Renews the signed-in person's access token with the refresh token shortly before it expires (the issuer's access
/// tokens live 15 minutes). When the issuer refuses, because the person was deactivated or the refresh token expired,
/// the session ends here too and the person has to sign in again.
/// </summary>
public sealed class TokenRefresh(IOptionsMonitor<OpenIdConnectOptions> issuer, TimeProvider clock)
{
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    public async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (!DateTimeOffset.TryParse(context.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresAt)
            || expiresAt - RenewBefore > clock.GetUtcNow())
        {
            return;
        }

        var renewed = await RefreshAsync(context.Properties.GetTokenValue(OpenIdConnectParameterNames.RefreshToken), context.HttpContext.RequestAborted);
        if (renewed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebSignIn.CookieScheme);
            return;
        }
        context.Properties.UpdateTokenValue(OpenIdConnectParameterNames.AccessToken, renewed.AccessToken);
        if (renewed.RefreshToken is { Length: > 0 })
            context.Properties.UpdateTokenValue(OpenIdConnectParameterNames.RefreshToken, renewed.RefreshToken);
        context.Properties.UpdateTokenValue("expires_at", clock.GetUtcNow().AddSeconds(renewed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    async Task<TokenResponse?> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
            return null;
        var options = issuer.Get(WebSignIn.IssuerScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [OpenIdConnectParameterNames.GrantType] = OpenIdConnectGrantTypes.RefreshToken,
            [OpenIdConnectParameterNames.ClientId] = options.ClientId!,
            [OpenIdConnectParameterNames.RefreshToken] = refreshToken,
        }), cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken) : null;
    }

    sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
