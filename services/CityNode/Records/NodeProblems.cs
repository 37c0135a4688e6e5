using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kommune20.CityNode.Records;

/// <summary>Problem documents (RFC 7807) that name the field at fault, for answers other than 400.</summary>
public static class NodeProblems
{
    public static ProblemHttpResult Conflict(string field, string message) =>
        Problem(StatusCodes.Status409Conflict, "Der Datensatz ist in einem anderen Zustand.", field, message);

    /// <summary>403: the signed-in person may not edit this member's records here; the message says why.</summary>
    public static ProblemHttpResult Forbidden(string field, string message) =>
        Problem(StatusCodes.Status403Forbidden, "Sie dürfen diese Einträge nicht bearbeiten.", field, message);

    public static ProblemHttpResult Unavailable(string field, string message) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Das lässt sich gerade nicht entscheiden.", field, message);

    static ProblemHttpResult Problem(int status, string title, string field, string message) =>
        TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = title });
}
