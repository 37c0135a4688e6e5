using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// Every cookie a process sets (sign-in session, antiforgery, the sign-in's correlation and nonce) carries Secure when
/// the request came over TLS, directly or through a trusted proxy's X-Forwarded-Proto (<see cref="TrustedProxies"/>):
/// the antiforgery cookie would not by default. Over plain HTTP on one machine the cookies still work.
/// </summary>
public static class SecureCookies
{
    public static IServiceCollection AddSecureCookies(this IServiceCollection services) =>
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);

    /// <summary>After the forwarded headers, which tell the request's scheme.</summary>
    public static IApplicationBuilder UseSecureCookies(this IApplicationBuilder app) => app.UseCookiePolicy();
}
