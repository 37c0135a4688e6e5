using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// The browser-facing headers every response carries, pages and APIs alike: a content security policy that runs only
/// the process's own script and style files (no inline script, no inline style, no other origin), never inside a frame,
/// no type sniffing, the origin only as referrer to other sites, and HSTS when the request came over TLS (directly or
/// through a trusted proxy's X-Forwarded-Proto). A header already set stays: the gateway passes on what a service answered.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Add(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>A page that cannot do with <see cref="ContentSecurityPolicy"/> (a third-party UI) names its own, per request.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, Func<HttpContext, string> policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PolicyOfEndpoint(policy));

    static void Add(HttpContext context)
    {
        var headers = context.Response.Headers;
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<PolicyOfEndpoint>()?.Policy(context) ?? ContentSecurityPolicy;
        headers.TryAdd(HeaderNames.ContentSecurityPolicy, policy);
        headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
        // Antiforgery sets SAMEORIGIN wherever it issues a token; no page of ours is ever framed.
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
        if (context.Request.IsHttps)
            headers.TryAdd(HeaderNames.StrictTransportSecurity, "max-age=31536000");
    }

    sealed record PolicyOfEndpoint(Func<HttpContext, string> Policy);
}
