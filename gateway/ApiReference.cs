using Kommune20.ServiceDefaults.Security;
using Scalar.AspNetCore;

namespace Kommune20.Gateway;

/// <summary>
/// The browsable API reference at <c>/api/docs</c>. Each entry of <c>ApiDocs:Documents</c> names a service's
/// document, which the proxy serves at <c>/openapi/{name}.json</c> from that service's <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiReference
{
    public static IEndpointConventionBuilder MapApiReference(this WebApplication app)
    {
        var documents = app.Configuration.GetSection("ApiDocs:Documents").Get<ApiDocument[]>() ?? [];
        return app.MapScalarApiReference("/api/docs", options => options
                .WithTitle("Kommune20 – API-Referenz")
                .WithNonce()
                .DisableDefaultFonts()
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocuments(documents.Select(document => new ScalarDocument(document.Name, document.Title))))
            .WithContentSecurityPolicy(context => Policy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string))
            .AllowAnonymous();
    }

    /// <summary>
    /// Scalar configures itself in an inline module script, which runs by its per-request nonce, and styles its
    /// components inline; everything else is the shared policy's (no other origin, no frames).
    /// </summary>
    static string Policy(string? nonce) =>
        SecurityHeaders.ContentSecurityPolicy
            .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
            .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    sealed record ApiDocument(string Name, string Title);
}
