using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Kommune20.Bench.Load;
using Kommune20.Bench.Workloads;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kommune20.Bench.Tests;

/// <summary>
/// The gateway measured as it ships: the load from as many callers as keep the rate limit out of the way, from real
/// loopback addresses, with tokens signed as the issuer signs them, fresh ones each sent once.
/// </summary>
public sealed class GatewayPartitionTests
{
    [Fact]
    public void Enough_callers_keep_each_under_half_its_limit_at_the_ceiling()
    {
        var shipped = new GatewayRateLimit(600, TimeSpan.FromSeconds(10));

        var partitions = shipped.PartitionsFor(20_000);

        Assert.Equal(667, partitions);
        Assert.True(20_000 * 10.0 / partitions <= 600 / 2.0);
        Assert.True(shipped.Capacity(partitions) >= 2 * 20_000);
        Assert.Equal(1, shipped.PartitionsFor(1));
    }

    [Fact]
    public void The_shipped_limit_is_read_from_the_gateways_settings()
    {
        var limit = GatewayRateLimit.FromAppSettings("""{ "RateLimiting": { "PermitLimit": 600, "WindowSeconds": 10 } }""");

        Assert.Equal(new GatewayRateLimit(600, TimeSpan.FromSeconds(10)), limit);
        Assert.Equal(GatewayRateLimit.AsShipped.PermitLimit, limit.PermitLimit);
        Assert.Equal("600 requests per 10 s per caller", limit.ToString());
    }

    [Fact]
    public void Source_addresses_are_distinct_loopback_addresses_apart_from_the_hubs()
    {
        var addresses = Enumerable.Range(0, 1_000).Select(LoopbackSources.Address).ToList();

        Assert.Equal(IPAddress.Parse("127.1.0.1"), addresses[0]);
        Assert.Equal(IPAddress.Parse("127.1.1.1"), addresses[254]);
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.All(addresses, address => Assert.True(IPAddress.IsLoopback(address)));
        Assert.DoesNotContain(IPAddress.Loopback, addresses);
        Assert.All(addresses, address => Assert.InRange(address.GetAddressBytes()[3], 1, 254));
        Assert.Equal(IPAddress.Parse("127.1.255.254"), LoopbackSources.Address(LoopbackSources.Most - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoopbackSources.Address(LoopbackSources.Most));
    }

    [Fact]
    public async Task A_server_on_127_0_0_1_sees_each_caller_by_its_own_address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var seen = new ConcurrentBag<IPAddress>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                using var connection = await listener.AcceptTcpClientAsync();
                seen.Add(((IPEndPoint)connection.Client.RemoteEndPoint!).Address);
                var stream = connection.GetStream();
                var buffer = new byte[4096];
                var read = 0;
                while (!System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
                    read += await stream.ReadAsync(buffer.AsMemory(read));
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            }
        });
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

        var result = await new SpreadHttpLoad(3).RunOnceEachAsync(url, ["a", "b", "c", "d", "e", "f"], warmup: 0, concurrency: 1, CancellationToken.None);

        Assert.Equal((6, 0), (result.Operations, result.Errors));
        Assert.Equal(["127.1.0.1", "127.1.0.2", "127.1.0.3"], seen.Select(address => address.ToString()).Distinct().Order());
        listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => accepting);
    }

    [Fact]
    public async Task Each_counted_operation_runs_once_and_the_warmup_is_not_measured()
    {
        var done = new ConcurrentBag<int>();

        var result = await CountedLoop.RunAsync(100, 10, 4, async (index, _) =>
        {
            done.Add(index);
            await Task.Yield();
            if (index == 50)
                throw new HttpRequestException("refused");
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 100), done.Order());
        Assert.Equal((89, 1), (result.Operations, result.Errors));
        Assert.True(result.Seconds > 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => CountedLoop.RunAsync(10, 10, 1, (_, _) => Task.CompletedTask, CancellationToken.None).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task A_minted_token_is_the_genuine_ones_with_another_client_and_validates_as_it_does()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "issuer-key" };
        var genuine = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://localhost:8080/",
            Audience = "kommune20",
            TokenType = "at+jwt",
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(15),
            Claims = new Dictionary<string, object> { ["sub"] = "node-heidelberg", ["client_id"] = "node-heidelberg", ["role"] = "city-node", ["jti"] = "one" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        var issuer = new IssuerTokens(genuine, rsa);

        var tokens = issuer.Mint(3, IssuerTokens.Client);
        var validated = await Task.WhenAll(tokens.Select(token => new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost:8080/",
            ValidAudience = "kommune20",
            IssuerSigningKey = new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "issuer-key" },
        })));

        Assert.All(validated, result => Assert.True(result.IsValid, result.Exception?.Message));
        var minted = validated.Select(result => (JsonWebToken)result.SecurityToken).ToList();
        Assert.Equal(["node-bench-0000", "node-bench-0001", "node-bench-0002"], minted.Select(token => token.Subject));
        Assert.Equal(["node-bench-0000", "node-bench-0001", "node-bench-0002"], minted.Select(token => token.GetClaim("client_id").Value));
        Assert.All(minted, token => Assert.Equal(("at+jwt", "issuer-key", "city-node"), (token.Typ, token.Kid, token.GetClaim("role").Value)));
        Assert.Equal(3, minted.Select(token => token.Id).Append("one").Distinct().Count() - 1);
        Assert.All(minted, token => Assert.InRange((token.ValidTo - token.IssuedAt).TotalMinutes, 14.9, 15.1));
    }
}
