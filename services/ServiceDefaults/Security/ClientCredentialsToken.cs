using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// An access token for one client credential (a city node's, or a hub service's own), fetched from the issuer's token
/// endpoint with the client-credentials grant and renewed a minute before it expires. Safe to share between callers.
/// </summary>
public sealed class ClientCredentialsToken(HttpClient http, Uri tokenEndpoint, string clientId, Func<CancellationToken, ValueTask<string>> clientSecret, TimeProvider clock)
{
    static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    readonly SemaphoreSlim _renewing = new(1, 1);
    (string Value, DateTimeOffset ExpiresAt)? _current;

    public string ClientId => clientId;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && fresh.ExpiresAt - RenewBefore > clock.GetUtcNow())
            return fresh.Value;

        await _renewing.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } renewed && renewed.ExpiresAt - RenewBefore > clock.GetUtcNow())
                return renewed.Value;
            var token = await RequestAsync(cancellationToken);
            _current = token;
            return token.Value;
        }
        finally
        {
            _renewing.Release();
        }
    }

    async Task<(string Value, DateTimeOffset ExpiresAt)> RequestAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = await clientSecret(cancellationToken),
            ["scope"] = Kommune20Claims.Audience,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The issuer refused client {clientId} ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}",
                null, response.StatusCode);
        }
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new HttpRequestException($"The issuer answered client {clientId} without a token.");
        return (token.AccessToken, clock.GetUtcNow().AddSeconds(token.ExpiresIn > 0 ? token.ExpiresIn : 300));
    }

    sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
