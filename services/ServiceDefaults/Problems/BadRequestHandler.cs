using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Kommune20.ServiceDefaults.Problems;

/// <summary>
/// Turns a request that could not be read (malformed JSON, a query value of the wrong type) into a 400
/// validation problem that names the offending field, instead of a bare 400 or a 500.
/// </summary>
internal sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        var (field, message) = Describe(badRequest);
        context.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? RequestBodyLimit.TooLarge(context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? RequestBodyLimit.DefaultBytes)
                : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = badRequest.StatusCode,
                    Title = "Die Anfrage ist ungültig.",
                },
        });
    }

    internal static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var path = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
            return (path, "Der Wert an dieser Stelle ist ungültig (falscher Typ, unbekannter Wert oder fehlerhaftes JSON).");
        }

        var parameter = ParameterName().Match(exception.Message);
        return parameter.Success ? (JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value), exception.Message) : ("request", exception.Message);
    }

    // Matches the framework's binding message: Failed to bind parameter "int page" from "abc".
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();
}
