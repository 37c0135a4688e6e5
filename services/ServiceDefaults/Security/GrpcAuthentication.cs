using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// Authentication for every request, with a shorter path for gRPC calls. ASP.NET Core's authentication middleware first
/// offers each request to the schemes that may answer it themselves: in the Registry, OpenIddict's server, which looks
/// at every request to see whether it is one of its endpoints; a profile of GetMember found about a fifth of the
/// Registry's CPU per call in that middleware. No such endpoint is ever a gRPC call, so a gRPC call is only
/// authenticated with the default scheme (the bearer token, as before) and its principal set as the middleware would.
/// Authorization then applies the endpoint's policy unchanged: a call without a valid token is still refused.
/// </summary>
public static class GrpcAuthentication
{
    /// <summary>
    /// What <c>UseAuthentication</c> leaves in the builder's properties (ASP.NET Core's AuthAppBuilderExtensions). In a
    /// branch it stays in the branch, and a WebApplication that does not find it adds a second authentication middleware
    /// in front of the whole pipeline, which would look at gRPC calls after all.
    /// </summary>
    const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    public static IApplicationBuilder UseAuthenticationWithGrpcShortcut(this IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSet] = true;
        app.UseWhen(context => !IsGrpc(context.Request), pipeline => pipeline.UseAuthentication());
        app.UseWhen(context => IsGrpc(context.Request), pipeline => pipeline.Use(async (context, next) =>
        {
            var result = await context.AuthenticateAsync();
            if (result.Principal is not null)
                context.User = result.Principal;
            await next(context);
        }));
        return app;
    }

    static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
