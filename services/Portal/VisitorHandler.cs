using Kommune20.ServiceDefaults.Security;

namespace Kommune20.Portal;

/// <summary>
/// Hands the gateway back the visitor's address it vouched for on the page request, so the portal's calls for this
/// visitor count in the visitor's rate-limit bucket rather than all visitors in the portal's one.
/// </summary>
public sealed class VisitorHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (http.HttpContext?.Request.Headers[VisitorHeader.Name] is [{ Length: > 0 } visitor])
            request.Headers.TryAddWithoutValidation(VisitorHeader.Name, visitor);
        return base.SendAsync(request, cancellationToken);
    }
}
