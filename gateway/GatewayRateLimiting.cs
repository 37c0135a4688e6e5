using System.Security.Claims;
using System.Threading.RateLimiting;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kommune20.Gateway;

/// <summary>
/// A fixed window per client on everything proxied: a signed-in caller is counted by its subject
/// (a person, or a city node's client), an anonymous one by its remote address, which for the portal's calls on a
/// visitor's behalf is the visitor's (<see cref="VisitorAddress"/>).
/// </summary>
public static class GatewayRateLimiting
{
    public const string PolicyName = "per-client";
    const string ClientIdClaim = "client_id";

    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitingOptions>(builder.Configuration.GetSection(RateLimitingOptions.Section));
        builder.Services.AddSingleton<VisitorProof>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(PolicyName, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue;
                return RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    // The subject comes first: a person signed in through the portal carries the portal's client_id,
    // which would otherwise put every person into one partition.
    static string ClientOf(HttpContext context) => context.User switch
    {
        { Identity.IsAuthenticated: true } user when user.FindFirstValue(Kommune20Claims.Subject) is { } subject => "sub:" + subject,
        { Identity.IsAuthenticated: true } user when user.FindFirstValue(ClientIdClaim) is { } client => "client:" + client,
        _ => "ip:" + context.Connection.RemoteIpAddress,
    };

    static ValueTask RejectAsync(OnRejectedContext rejection, CancellationToken cancellationToken) =>
        TooManyRequests.WriteAsync(rejection, TimeSpan.FromSeconds(
            rejection.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue.WindowSeconds));
}

/// <summary>Limits per client, from the <c>RateLimiting</c> configuration section.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>False proxies without any limit (the benchmarks' bare gateway); read once at startup.</summary>
    public bool Enabled { get; set; } = true;

    public int PermitLimit { get; set; } = 600;
    public int WindowSeconds { get; set; } = 10;

    /// <summary>The key with which gateways vouch for a visitor's address; every replica needs the same one.</summary>
    public string? VisitorKey { get; set; }
}
