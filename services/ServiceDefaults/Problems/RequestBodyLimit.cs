using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.ServiceDefaults.Problems;

/// <summary>
/// How large a request body may be: <see cref="DefaultBytes"/> unless an endpoint says otherwise
/// (<see cref="IRequestSizeLimitMetadata"/>). A declared length over the limit is refused before anything is read, as a
/// 413 problem naming <c>body</c>; Kestrel enforces the same limit on bodies without a length. Streaming gRPC calls lift
/// Kestrel's limit themselves and are bounded per message instead.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultBytes = 1024 * 1024;

    internal static IServiceCollection AddRequestBodyLimit(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = DefaultBytes);

    internal static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata ? metadata.MaxRequestBodySize : DefaultBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = TooLarge(limit.Value),
            });
            return;
        }
        await next(context);
    });

    internal static ValidationProblemDetails TooLarge(long limit) =>
        new(new Dictionary<string, string[]> { ["body"] = [Message(limit)] })
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = ProblemTitles.For(StatusCodes.Status413PayloadTooLarge),
        };

    /// <summary>
    /// A body without a declared length is stopped by Kestrel while it is read, and its 413 reaches the client through the
    /// status-code problem, which knows nothing of the limit: it gets the same German title and the field <c>body</c>.
    /// </summary>
    internal static void NameTheBody(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status413PayloadTooLarge || context.ProblemDetails is ValidationProblemDetails)
            return;
        var limit = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? DefaultBytes;
        context.ProblemDetails.Title = ProblemTitles.For(StatusCodes.Status413PayloadTooLarge);
        context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [Message(limit)] };
    }

    internal static string Message(long limit) => $"Der Inhalt ist größer als erlaubt (höchstens {limit / 1024} KiB).";
}
