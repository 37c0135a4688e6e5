using Microsoft.Net.Http.Headers;

namespace Kommune20.Portal.Exchange;

/// <summary>
/// The compiled statements of a session, passed on from the Meetings service with the visitor's token: before the
/// publication only the session's moderators and panel may read them, and a browser's link to the API would carry no
/// token. The service's own headers come along (its content security policy allows the HTML page's style by hash); a
/// refusal becomes the portal's German error page.
/// </summary>
public static class CompiledStatements
{
    static readonly string[] Formats = ["html", "md", "pdf"];
    static readonly string[] PassedOn = [HeaderNames.ContentSecurityPolicy, HeaderNames.ContentType, HeaderNames.ContentDisposition];

    public static string Path(Guid sessionId, string format, string by) => $"/austausch/{sessionId}/statements.{format}?by={by}";

    public static IEndpointRouteBuilder MapCompiledStatements(this IEndpointRouteBuilder app)
    {
        app.MapGet("/austausch/{sessionId:guid}/statements.{format}", RelayAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    static async Task RelayAsync(Guid sessionId, string format, string? by, HttpContext context, ExchangeClient exchange)
    {
        if (!Formats.Contains(format))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var response = await exchange.DocumentAsync(sessionId, format, by, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
            return;
        foreach (var name in PassedOn)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                context.Response.Headers[name] = values.ToArray();
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
