using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kommune20.Meetings.Exchange.Guests;

/// <summary>
/// A guest pass opens one live room and nothing else: wherever a request with a guest token is refused, the answer says
/// so in a problem document, 403 for a valid pass on an endpoint that is not for guests (statements, moderation,
/// assemblies, votes …), 401 for a pass that is unknown, expired or closed. Everything else is refused as before.
/// </summary>
public sealed class GuestRefusal(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler _otherwise = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || GuestPasses.TokenOf(context.Request) is null)
        {
            await _otherwise.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var guest = await context.AuthenticateAsync(GuestPasses.Scheme);
        var (status, title, detail) = guest.Succeeded
            ? (StatusCodes.Status403Forbidden, "Ein Gastzugang gilt nur für den Live-Raum.",
                "Mit einem Gastcode nehmen Sie am Live-Raum eines Erfahrungsaustauschs teil: den Stand lesen, Fragen stellen und "
                + "unterstützen. Alles andere braucht eine Anmeldung als Person einer Mitgliedsorganisation.")
            : (StatusCodes.Status401Unauthorized, "Dieser Gastzugang gilt nicht (mehr).",
                "Der Gastzugang ist abgelaufen, oder die Moderation hat den Zugang für Gäste beendet. Ein neuer Code kommt von der Moderation.");
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
