using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.ServiceDefaults.Problems;

/// <summary>
/// What ASP.NET Core's rate limiter answers when it refuses a request: 429 with <c>Retry-After</c> and a German
/// problem document saying when to try again (the limiter's own wait, else the whole window).
/// </summary>
public static class TooManyRequests
{
    public static async ValueTask WriteAsync(OnRejectedContext rejection, TimeSpan window)
    {
        var context = rejection.HttpContext;
        var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Zu viele Anfragen.",
                Detail = $"Bitte in {seconds} Sekunden erneut versuchen.",
            },
        });
    }
}
