using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kommune20.ServiceDefaults;

/// <summary>Clients reach every API through the gateway, so the documents name the gateway's root as their server.</summary>
internal sealed class GatewayServerTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = "/" }];
        return Task.CompletedTask;
    }
}
