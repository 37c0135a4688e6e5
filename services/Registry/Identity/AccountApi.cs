using System.Security.Claims;
using Kommune20.Registry.Data;
using Kommune20.Registry.People;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Kommune20.Registry.Identity;

/// <summary>The sign-in page people see when the portal or a city node sends them to the issuer.</summary>
public static class AccountApi
{
    public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl);

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/login", ShowLogin);
        group.MapPost("/login", LoginAsync);
        return app;
    }

    static IResult ShowLogin(string? returnUrl, HttpContext http, IAntiforgery antiforgery) =>
        LoginPage.Render(antiforgery.GetAndStoreTokens(http), SafeReturnUrl(returnUrl), userName: null, error: null);

    static async Task<IResult> LoginAsync([FromForm] LoginForm form, HttpContext http, IAntiforgery antiforgery,
        RegistryDb db, IPasswordHasher<Person> hasher, CancellationToken ct)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        var person = string.IsNullOrWhiteSpace(form.UserName)
            ? null
            : await db.People.FirstOrDefaultAsync(p => p.UserName == form.UserName.Trim() && p.IsActive, ct);
        var verified = person is not null && !string.IsNullOrEmpty(form.Password)
            && hasher.VerifyHashedPassword(person, person.PasswordHash, form.Password) != PasswordVerificationResult.Failed;
        if (!verified)
        {
            return LoginPage.Render(antiforgery.GetAndStoreTokens(http), returnUrl, form.UserName,
                "Benutzername oder Passwort ist falsch.", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(IdentityExtensions.LoginScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, person!.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, person.Name));
        await http.SignInAsync(IdentityExtensions.LoginScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl);
    }

    /// <summary>Only paths on this site, so the sign-in page cannot be used to send people elsewhere.</summary>
    static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
