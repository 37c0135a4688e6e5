using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kommune20.ServiceDefaults.Security;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;

namespace Kommune20.Gateway;

/// <summary>
/// Counts the portal's calls on a visitor's behalf in the visitor's bucket. The gateway vouches for the address it
/// saw with an HMAC under a key only gateways hold and sends it to the portal; the portal hands it back, and a call
/// that carries a valid one is treated as coming from that address. Every caller's own header is dropped, so nobody
/// can name another address, and no service behind the gateway ever sees a proof.
/// </summary>
public static class VisitorAddress
{
    /// <summary>Route metadata that makes the gateway vouch for the visitor on requests forwarded along that route.</summary>
    public const string VouchMetadata = "VouchForVisitor";

    public static IReverseProxyBuilder AddVisitorTransform(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(transforms =>
        {
            if (transforms.Route.Metadata?.GetValueOrDefault(VouchMetadata) != "true")
                return;
            var proof = transforms.Services.GetRequiredService<VisitorProof>();
            transforms.AddRequestTransform(transform =>
            {
                if (transform.HttpContext.Connection.RemoteIpAddress is { } address)
                    transform.ProxyRequest.Headers.TryAddWithoutValidation(VisitorHeader.Name, proof.Vouch(address));
                return ValueTask.CompletedTask;
            });
        });

    /// <summary>Before the rate limiter: a vouched-for visitor becomes the request's remote address; any header is dropped.</summary>
    public static IApplicationBuilder UseVisitorAddress(this IApplicationBuilder app)
    {
        var proof = app.ApplicationServices.GetRequiredService<VisitorProof>();
        return app.Use((context, next) =>
        {
            if (context.Request.Headers.Remove(VisitorHeader.Name, out var header)
                && proof.Verify(header.ToString()) is { } visitor)
            {
                context.Connection.RemoteIpAddress = visitor;
            }
            return next(context);
        });
    }
}

/// <summary>
/// "address; HMAC-SHA256(key, address)" with <see cref="RateLimitingOptions.VisitorKey"/>, or a key made at startup
/// when none is configured (enough for one gateway; replicas must share one).
/// </summary>
public sealed class VisitorProof(IOptions<RateLimitingOptions> options)
{
    readonly byte[] key = options.Value.VisitorKey is { Length: > 0 } configured
        ? Encoding.UTF8.GetBytes(configured)
        : RandomNumberGenerator.GetBytes(32);

    public string Vouch(IPAddress address) => $"{address}; {Convert.ToBase64String(Sign(address.ToString()))}";

    public IPAddress? Verify(string header)
    {
        var parts = header.Split("; ", 2);
        return parts.Length == 2
            && IPAddress.TryParse(parts[0], out var address)
            && TryFromBase64(parts[1]) is { } proof
            && CryptographicOperations.FixedTimeEquals(proof, Sign(parts[0]))
            ? address
            : null;
    }

    byte[] Sign(string address) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(address));

    static byte[]? TryFromBase64(string text)
    {
        var bytes = new byte[32];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == bytes.Length ? bytes : null;
    }
}
