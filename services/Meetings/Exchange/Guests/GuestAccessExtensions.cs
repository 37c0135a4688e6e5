using System.Threading.RateLimiting;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Kommune20.Meetings.Exchange.Guests;

public static class GuestAccessExtensions
{
    /// <summary>
    /// Guests in the live room: their passes as a second authentication scheme beside the Registry's tokens, asked for only
    /// by the live room's policy (<see cref="LiveParticipant.Policy"/>: a person's token or a guest's pass); a guest
    /// refused anywhere else is told why (<see cref="GuestRefusal"/>); redeeming a code is limited per client address
    /// (<c>Meetings:Guests:RedemptionsPerMinute</c>, default 10; behind the gateway the visitor's address).
    /// </summary>
    public static IHostApplicationBuilder AddGuestAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, GuestPassHandler>(GuestPasses.Scheme, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(LiveParticipant.Policy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, GuestPasses.Scheme)
            .RequireAuthenticatedUser());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GuestRefusal>();

        var perMinute = builder.Configuration.GetValue("Meetings:Guests:RedemptionsPerMinute", 10);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejection, _) => TooManyRequests.WriteAsync(rejection, TimeSpan.FromMinutes(1));
            options.AddPolicy(GuestAccessApi.RedemptionLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }
}
