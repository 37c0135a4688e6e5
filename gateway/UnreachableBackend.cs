using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace Kommune20.Gateway;

/// <summary>
/// A service that cannot be reached (stopped, restarting, not resolvable) makes its own routes answer 503 with problem
/// details naming it and a Retry-After, instead of the proxy's bare 502: the client learns that the outage is passing
/// and whose it is, and every other route goes on as before. gRPC calls keep the proxy's answer, which gRPC clients
/// already read as "unavailable".
/// </summary>
public static class UnreachableBackend
{
    const string RetryAfterSeconds = "5";

    public static IReverseProxyApplicationBuilder UseUnreachableBackendAnswer(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature() is not { Error: ForwarderError.Request or ForwarderError.NoAvailableDestinations }
                || context.Response.HasStarted
                || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
                return;

            var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service unavailable",
                    Detail = $"The {service} service cannot be reached right now. Try again in a few seconds.",
                    Extensions = { ["service"] = service },
                },
            });
        });
        return proxy;
    }
}
