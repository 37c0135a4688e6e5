using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Meetings;

/// <summary>The problem documents the assembly's APIs answer when a request meets the wrong state.</summary>
public static class MeetingsProblems
{
    /// <summary>409: what is asked cannot happen in the assembly's, vote's or minutes' present state.</summary>
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
