using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kommune20.CityNode.Records;

/// <summary>Problem documents (RFC 7807) that name the field at fault, for answers other than 400.</summary>
public static class NodeProblems
{
    public static ProblemHttpResult Conflict(string field, string message) =>
        TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Der Datensatz ist in einem anderen Zustand.",
        });
}
