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
/// <param name="mostKept">How many tokens are remembered at most; when full, the expired ones go first, then those
/// that would expire soonest, a tenth at a time, so the callers already remembered keep their place.</param>
public sealed class CachingTokenHandler(TokenHandler inner, TimeProvider clock, int mostKept = CachingTokenHandler.MostKept) : TokenHandler
{
    public static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(2);

    /// <summary>A bound, not a policy: several times the 10,800 cities and the people signed in at once.</summary>
    public const int MostKept = 50_000;

    readonly ConcurrentDictionary<string, Remembered> _valid = new(StringComparer.Ordinal);
    readonly Lock _evicting = new();

    sealed record Remembered(TokenValidationResult Result, DateTimeOffset Until);

    public int Count => _valid.Count;

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
        if (_valid.Count >= mostKept)
            MakeRoom(now);
        var expires = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero);
        _valid[token] = new Remembered(result, expires < now + LongestKept ? expires : now + LongestKept);
        return Copy(result);
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    void MakeRoom(DateTimeOffset now)
    {
        lock (_evicting)
        {
            if (_valid.Count < mostKept)
                return;
            foreach (var (token, remembered) in _valid)
            {
                if (remembered.Until <= now)
                    _valid.TryRemove(token, out _);
            }
            var target = mostKept - Math.Max(1, mostKept / 10);
            if (_valid.Count <= target)
                return;
            foreach (var (token, _) in _valid.OrderBy(entry => entry.Value.Until).Take(_valid.Count - target).ToList())
                _valid.TryRemove(token, out _);
        }
    }

    static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };
}
