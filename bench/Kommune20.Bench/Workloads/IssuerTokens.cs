using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kommune20.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// Access tokens as the Registry issues them for a client-credentials grant, for loads that need more callers or more
/// tokens than grants could give in time: the header and claims of a <paramref name="genuine"/> token the Registry
/// issued, with another client as subject, a new id and a new lifetime of the same length, signed with the Registry's
/// own signing key. The gateway validates them as it validates any token (signature against the Registry's published
/// keys, issuer, audience, lifetime); nothing is switched off for them.
/// </summary>
public sealed class IssuerTokens(string genuine, RSA signingKey)
{
    /// <summary>Where the Registry keeps its signing key (<c>IssuerKeys</c> in its data directory).</summary>
    public static IssuerTokens OfRegistry(Hub hub, string genuine)
    {
        var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(hub.DataDirectory, "registry", "issuer-signing.pem")));
        return new IssuerTokens(genuine, key);
    }

    readonly JsonWebToken _template = new(genuine);

    /// <summary>Simulated city nodes' client ids: node-bench-0000, node-bench-0001, …</summary>
    public static string Client(int index) => $"node-bench-{index:D4}";

    public string Mint(string clientId)
    {
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(_template.EncodedPayload)))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var lifetime = (long)(_template.ValidTo - _template.IssuedAt).TotalSeconds;
        payload["sub"] = clientId;
        if (payload.ContainsKey("client_id"))
            payload["client_id"] = clientId;
        payload["jti"] = Guid.NewGuid().ToString();
        payload["iat"] = now;
        payload["nbf"] = now;
        payload["exp"] = now + lifetime;

        var credentials = new SigningCredentials(new RsaSecurityKey(signingKey) { KeyId = _template.Kid }, _template.Alg);
        var header = new Dictionary<string, object> { ["typ"] = _template.Typ };
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), credentials, header);
    }

    /// <summary><paramref name="count"/> tokens, the <c>i</c>-th for <paramref name="clientOf"/>(i), signed on every core.</summary>
    public IReadOnlyList<string> Mint(int count, Func<int, string> clientOf)
    {
        var tokens = new string[count];
        Parallel.For(0, count, index => tokens[index] = Mint(clientOf(index)));
        return tokens;
    }
}
