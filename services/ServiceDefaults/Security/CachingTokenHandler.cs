using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// Remembers the tokens another handler found valid, so a caller that sends the same token with every call (a city
/// node, a service, the portal) pays for the signature check once instead of on each call. A token is remembered
/// until it expires, and at most <see cref="LongestKept"/> (so a signing key the issuer withdraws stops counting
/// within that time); invalid tokens are never remembered. Each call gets its own copy of the identity, so nothing a
/// request adds to it reaches another request.
/// </summary>
public sealed class CachingTokenHandler(TokenHandler inner, TimeProvider clock) : TokenHandler
{
    public static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(2);

    /// <summary>Beyond this many tokens the memory is emptied and fills again (a bound, not a policy: far more than the callers at once).</summary>
    public const int MostKept = 10_000;

    readonly ConcurrentDictionary<string, Remembered> _valid = new(StringComparer.Ordinal);

    sealed record Remembered(TokenValidationResult Result, DateTimeOffset Until);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(token, out var remembered) && remembered.Until > now)
            return Copy(remembered.Result);

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid)
        {
            _valid.TryRemove(token, out _);
            return result;
        }
        if (_valid.Count >= MostKept)
            _valid.Clear();
        var expires = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero);
        _valid[token] = new Remembered(result, expires < now + LongestKept ? expires : now + LongestKept);
        return Copy(result);
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };
}
