using Microsoft.AspNetCore.Diagnostics;

namespace Kommune20.Meetings.Members;

/// <summary>Answers 503 with a problem document when the Registry could not say who may vote, instead of a 500.</summary>
public sealed class RegisterUnavailableHandler(IProblemDetailsService problems, ILogger<RegisterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RegisterUnavailableException)
            return false;
        logger.LogWarning(exception, "The Registry did not answer for the voting members");
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Das Mitgliederregister antwortet gerade nicht.",
                Detail = "Ohne das Register lässt sich nicht feststellen, wer stimmberechtigt ist. Bitte in einigen Sekunden erneut versuchen.",
            },
        });
    }
}
