using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Meetings;

/// <summary>The problem documents the assemblies' and exchange sessions' APIs answer when a request meets the wrong state or person.</summary>
public static class MeetingsProblems
{
    /// <summary>409: what is asked cannot happen in the assembly's, vote's or minutes' present state.</summary>
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>403: the signed-in person may not do this here; the detail says who may.</summary>
    public static ProblemHttpResult Forbidden(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);
}
