using Kommune20.Registry.Clients;
using Kommune20.Registry.Data;
using Kommune20.Registry.Members;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Kommune20.Registry.Identity;

/// <summary>The OpenID Connect endpoints whose decisions are the Registry's: who gets a token, with which claims.</summary>
public static class ConnectApi
{
    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/connect").WithTags("Sign-in").ExcludeFromDescription();
        group.MapPost("/token", ExchangeAsync).DisableAntiforgery();
        group.MapMethods("/authorize", ["GET", "POST"], AuthorizeAsync).DisableAntiforgery();
        group.MapMethods("/logout", ["GET", "POST"], LogoutAsync).DisableAntiforgery();
        return app;
    }

    static async Task<IResult> ExchangeAsync(HttpContext http, RegistryDb db, IOpenIddictApplicationManager applications, WebClientList webClients,
        CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        // Every grant, refresh included: a switched-off client gets no further token, so its last one ends within its lifetime.
        if (await applications.IsDeactivatedAsync(request.ClientId, ct))
            return Refuse(Errors.UnauthorizedClient, ClientActivation.Refusal(request.ClientId!));

        if (request.IsClientCredentialsGrantType())
        {
            var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId, ct);
            if (client is null || !await IsActiveMemberAsync(db, client.MemberId, ct))
                return Refuse(Errors.UnauthorizedClient, "Dieser Client spricht für kein aktives Mitglied.");
            var application = await applications.FindByClientIdAsync(client.ClientId, ct);
            var displayName = application is null ? client.ClientId : await applications.GetDisplayNameAsync(application, ct) ?? client.ClientId;
            return Results.SignIn(TokenPrincipals.ForClient(client, displayName, request.GetScopes()), null,
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        // Authorization code or refresh token: re-read the person, so a deactivated account stops getting tokens.
        var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var person = Guid.TryParse(granted.Principal?.GetClaim(Claims.Subject), out var personId)
            ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.IsActive, ct)
            : null;
        if (person is null || !await IsActiveMemberAsync(db, person.MemberId, ct))
            return Refuse(Errors.InvalidGrant, "Die Anmeldung ist nicht mehr gültig.");
        return Results.SignIn(TokenPrincipals.ForPerson(person, granted.Principal!.GetScopes(), webClients), null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    static async Task<IResult> AuthorizeAsync(HttpContext http, RegistryDb db, IOpenIddictApplicationManager applications, WebClientList webClients,
        CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (await applications.IsDeactivatedAsync(request.ClientId, ct))
            return Refuse(Errors.UnauthorizedClient, ClientActivation.Refusal(request.ClientId!));
        var login = await http.AuthenticateAsync(IdentityExtensions.LoginScheme);
        var person = login.Succeeded && Guid.TryParse(login.Principal?.GetClaim(Claims.Subject), out var personId)
            ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.IsActive, ct)
            : null;

        if (person is null || request.HasPromptValue(PromptValues.Login))
        {
            var parameters = http.Request.HasFormContentType ? [.. http.Request.Form] : http.Request.Query.ToList();
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(
                parameters.Where(p => p.Key != Parameters.Prompt));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityExtensions.LoginScheme]);
        }

        return Results.SignIn(TokenPrincipals.ForPerson(person, request.GetScopes(), webClients), null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    static IResult LogoutAsync() => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
        [IdentityExtensions.LoginScheme, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    static Task<bool> IsActiveMemberAsync(RegistryDb db, Guid memberId, CancellationToken ct) =>
        db.Members.AnyAsync(m => m.Id == memberId && m.Status != MemberStatus.Left, ct);

    static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
