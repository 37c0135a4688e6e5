using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.ServiceDefaults.Problems;

/// <summary>The problem documents an API answers when a request meets the wrong state or the wrong person.</summary>
public static class Refusals
{
    /// <summary>409: what is asked cannot happen in the present state; the detail says why.</summary>
    /// <param name="extensions">What a client needs to resolve it, e.g. the id of the record that is in the way.</param>
    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, extensions: extensions);

    /// <summary>403: the signed-in person may not do this here; the detail says who may.</summary>
    public static ProblemHttpResult Forbidden(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);
}
