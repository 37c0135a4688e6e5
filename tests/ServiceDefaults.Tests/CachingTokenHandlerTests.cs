using System.Security.Claims;
using System.Security.Cryptography;
using Kommune20.ServiceDefaults.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kommune20.ServiceDefaults.Tests;

/// <summary>Valid tokens are checked once and remembered until they expire; invalid ones are checked every time.</summary>
public sealed class CachingTokenHandlerTests : IDisposable
{
    const string Issuer = "http://localhost:8080/";
    readonly RSA _rsa = RSA.Create(2048);
    readonly RsaSecurityKey _key;
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    readonly CountingHandler _inner = new();
    readonly CachingTokenHandler _handler;

    public CachingTokenHandlerTests()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "k1" };
        _handler = new CachingTokenHandler(_inner, _clock);
    }

    public void Dispose() => _rsa.Dispose();

    sealed class CountingHandler : JsonWebTokenHandler
    {
        public int Validations { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Validations++;
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }

    string Token(TimeSpan lifetime, SecurityKey? signedWith = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Kommune20Claims.Audience,
        Subject = new ClaimsIdentity([
            new Claim(Kommune20Claims.MemberId, "6b0e2f1a-0002-4c20-9a20-000000000002"),
            new Claim("jti", Guid.NewGuid().ToString()),
        ]),
        IssuedAt = _clock.GetUtcNow().UtcDateTime,
        NotBefore = _clock.GetUtcNow().UtcDateTime,
        Expires = (_clock.GetUtcNow() + lifetime).UtcDateTime,
        SigningCredentials = new SigningCredentials(signedWith ?? _key, SecurityAlgorithms.RsaSha256),
    });

    TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Kommune20Claims.Audience,
        IssuerSigningKey = _key,
        LifetimeValidator = (_, expires, _, _) => expires > _clock.GetUtcNow().UtcDateTime,
    };

    [Fact]
    public async Task A_valid_token_is_checked_once_and_each_call_gets_its_own_identity()
    {
        var token = Token(TimeSpan.FromHours(1));

        var first = await _handler.ValidateTokenAsync(token, Parameters());
        first.ClaimsIdentity.AddClaim(new Claim("added-by-a-request", "yes"));
        var second = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Validations);
        Assert.Equal("6b0e2f1a-0002-4c20-9a20-000000000002", second.ClaimsIdentity.FindFirst(Kommune20Claims.MemberId)?.Value);
        Assert.Null(second.ClaimsIdentity.FindFirst("added-by-a-request"));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_every_time()
    {
        using var other = RSA.Create(2048);
        var forged = Token(TimeSpan.FromHours(1), new RsaSecurityKey(other) { KeyId = "k1" });

        Assert.False((await _handler.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.False((await _handler.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_once_it_expires()
    {
        var token = Token(TimeSpan.FromSeconds(30));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);

        _clock.Advance(TimeSpan.FromSeconds(31));

        Assert.False((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_long_lived_token_is_checked_again_after_the_longest_time_kept()
    {
        var token = Token(TimeSpan.FromHours(1));
        await _handler.ValidateTokenAsync(token, Parameters());

        _clock.Advance(CachingTokenHandler.LongestKept + TimeSpan.FromSeconds(1));
        await _handler.ValidateTokenAsync(token, Parameters());

        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task When_full_the_expired_tokens_go_first_and_the_others_stay()
    {
        var handler = new CachingTokenHandler(_inner, _clock, mostKept: 10);
        var shortLived = Enumerable.Range(0, 5).Select(_ => Token(TimeSpan.FromSeconds(10))).ToList();
        var longLived = Enumerable.Range(0, 5).Select(_ => Token(TimeSpan.FromHours(1))).ToList();
        foreach (var token in shortLived.Concat(longLived))
            await handler.ValidateTokenAsync(token, Parameters());
        _clock.Advance(TimeSpan.FromSeconds(11));

        await handler.ValidateTokenAsync(Token(TimeSpan.FromHours(1)), Parameters());
        var checkedBefore = _inner.Validations;
        foreach (var token in longLived)
            Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        Assert.Equal(6, handler.Count);
        Assert.Equal(checkedBefore, _inner.Validations);
    }

    [Fact]
    public async Task When_full_of_valid_tokens_only_those_expiring_soonest_make_room()
    {
        var handler = new CachingTokenHandler(_inner, _clock, mostKept: 10);
        var tokens = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            tokens.Add(Token(TimeSpan.FromHours(1)));
            await handler.ValidateTokenAsync(tokens[^1], Parameters());
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await handler.ValidateTokenAsync(Token(TimeSpan.FromHours(1)), Parameters());
        var checkedBefore = _inner.Validations;
        foreach (var token in tokens.Skip(1))
            await handler.ValidateTokenAsync(token, Parameters());

        Assert.Equal(10, handler.Count);
        Assert.Equal(checkedBefore, _inner.Validations);
        await handler.ValidateTokenAsync(tokens[0], Parameters());
        Assert.Equal(checkedBefore + 1, _inner.Validations);
    }

    [Fact]
    public void The_bound_serves_every_city_at_once() =>
        Assert.True(CachingTokenHandler.MostKept >= 10_800 * 2);
}
