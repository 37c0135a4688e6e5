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
        group.MapGet("/login.css", LoginPage.Stylesheet);
        return app;
    }

    static IResult ShowLogin(string? returnUrl, HttpContext http, IAntiforgery antiforgery) =>
        LoginPage.Render(antiforgery.GetAndStoreTokens(http), SafeReturnUrl(returnUrl), userName: null, error: null);

    static async Task<IResult> LoginAsync([FromForm] LoginForm form, HttpContext http, IAntiforgery antiforgery,
        RegistryDb db, IPasswordHasher<Person> hasher, SignInThrottle throttle, CancellationToken ct)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        var account = SignInThrottle.Person(form.UserName);
        var check = await throttle.CheckAsync(account, http, ct);
        if (check.Wait is { } wait)
        {
            http.Response.Headers.RetryAfter = RetryAfter.Seconds(wait);
            return LoginPage.Render(antiforgery.GetAndStoreTokens(http), returnUrl, form.UserName,
                $"Zu viele Fehlversuche. Bitte versuchen Sie es {RetryAfter.InGerman(wait)} erneut.", StatusCodes.Status429TooManyRequests);
        }

        var person = string.IsNullOrWhiteSpace(form.UserName)
            ? null
            : await db.People.FirstOrDefaultAsync(p => p.UserName == form.UserName.Trim() && p.IsActive, ct);
        // An unknown name costs the same hash check as a known one, so the time taken does not tell which names exist.
        var verified = hasher.VerifyHashedPassword(person ?? Unknown, person?.PasswordHash ?? (_unknownHash ??= hasher.HashPassword(Unknown, Guid.NewGuid().ToString())), form.Password ?? "")
            != PasswordVerificationResult.Failed && person is not null && !string.IsNullOrEmpty(form.Password);
        if (!verified)
        {
            await throttle.FailedAsync(account, http, ct);
            return LoginPage.Render(antiforgery.GetAndStoreTokens(http), returnUrl, form.UserName,
                "Benutzername oder Passwort ist falsch.", StatusCodes.Status401Unauthorized);
        }
        await throttle.SucceededAsync(account, check, ct);

        var identity = new ClaimsIdentity(IdentityExtensions.LoginScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, person!.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, person.Name));
        await http.SignInAsync(IdentityExtensions.LoginScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl);
    }

    static readonly Person Unknown = new() { UserName = "", Name = "" };
    static string? _unknownHash;

    /// <summary>Only paths on this site, so the sign-in page cannot be used to send people elsewhere.</summary>
    static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
