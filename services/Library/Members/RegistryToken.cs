using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Kommune20.Library.Members;

/// <summary>
/// The library's own access token for the Registry's gRPC service: client credentials of <c>Registry:ClientId</c> and
/// <c>Registry:ClientSecret</c>, fetched from the issuer (<c>Identity:Authority</c>) and kept until shortly before it expires.
/// </summary>
public sealed class RegistryToken(HttpClient http, IConfiguration configuration, TimeProvider clock)
{
    public const string HttpClientName = "registry-token";
    static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    readonly SemaphoreSlim _gate = new(1, 1);
    string? _token;
    DateTimeOffset _expiresAt;

    sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is null || clock.GetUtcNow() >= _expiresAt)
                (_token, _expiresAt) = await RequestAsync(cancellationToken);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task<(string Token, DateTimeOffset ExpiresAt)> RequestAsync(CancellationToken cancellationToken)
    {
        var clientId = configuration["Registry:ClientId"];
        var secret = configuration["Registry:ClientSecret"];
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            throw new InvalidOperationException("Registry:ClientId and Registry:ClientSecret are not configured; the library cannot ask the Registry.");

        var authority = new Uri(configuration["Identity:Authority"] ?? configuration["Identity:Issuer"] ?? "http://127.0.0.1:5101/");
        using var response = await http.PostAsync(new Uri(authority, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "kommune20",
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The issuer refused the library's client credentials ({(int)response.StatusCode}).");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The issuer answered without a token.");
        return (token.AccessToken, clock.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - Margin);
    }
}
