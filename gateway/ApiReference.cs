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
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocuments(documents.Select(document => new ScalarDocument(document.Name, document.Title))))
            .AllowAnonymous();
    }

    sealed record ApiDocument(string Name, string Title);
}
