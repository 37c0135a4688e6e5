using System.Security.Claims;
using System.Text.Json;
using Kommune20.Contracts.Meetings;
using Kommune20.Data.Lists;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Practices;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange;

/// <summary>
/// The panelists' statements: each signed-in panelist writes, changes and removes only their own (answers to the
/// questions put to them, a preface, statements that follow no question) until the results are published. The session's
/// moderators and panel read them all along, everyone else once published.
/// </summary>
public static class StatementsApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapStatementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/exchange-sessions/{sessionId:guid}/statements").WithTags("Statements");
        group.MapGet("/", ListAsync).AllowAnonymous();
        group.MapGet("/mine", MineAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/", WriteAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPut("/{statementId:guid}", ChangeAsync).RequireAuthorization(Policies.Authenticated);
        group.MapDelete("/{statementId:guid}", RemoveAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    /// <summary>The statements in the compiled document's order: by panelist, then preface, answers by question, general statements.</summary>
    static async Task<Results<Ok<PagedList<StatementDto>>, ValidationProblem, NotFound, ProblemHttpResult>> ListAsync(
        Guid sessionId, Guid? panelistId, Guid? questionId, int? page, int? pageSize, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (!session.MayReadStatements(user))
            return ExchangeAccess.NotPublished();

        var (number, size) = (page ?? 1, pageSize ?? 50);
        var statements = StatementOrder.Sort(session, await db.Statements.AsNoTracking().Where(s => s.SessionId == sessionId).ToListAsync(ct))
            .Where(s => (panelistId is null || s.PanelistId == panelistId) && (questionId is null || s.QuestionId == questionId))
            .ToList();
        var items = statements.Skip((number - 1) * size).Take(size).Select(StatementDto.From).ToList();
        return TypedResults.Ok(new PagedList<StatementDto>(items, number, size, statements.Count));
    }

    static async Task<Results<Ok<MyPanel>, NotFound, ProblemHttpResult>> MineAsync(Guid sessionId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (session.PanelistOf(user) is not { } panelist)
            return ExchangeAccess.NotPanelist();
        var statements = await db.Statements.AsNoTracking().Where(s => s.PanelistId == panelist.Id).ToListAsync(ct);
        return TypedResults.Ok(new MyPanel(session.Id, session.Title, PanelistDto.From(panelist, session, showPeople: true),
            StatementOrder.Sort(session, statements).Select(StatementDto.From).ToList(), session.ResultsPublishedAt is null));
    }

    static async Task<Results<Created<StatementDto>, ValidationProblem, NotFound, ProblemHttpResult>> WriteAsync(
        Guid sessionId, StatementInput input, ClaimsPrincipal user, MeetingsDb db, LibraryPractices practices, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (session.PanelistOf(user) is not { } panelist)
            return ExchangeAccess.NotPanelist();
        if (session.ResultsPublishedAt is not null)
            return ExchangeAccess.AlreadyPublished();
        var errors = ExchangeRules.Validate(input, panelist);
        var links = await practices.LinksAsync(input.PracticeIds, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var own = await db.Statements.Where(s => s.PanelistId == panelist.Id).ToListAsync(ct);
        if (input.Kind is StatementKind.Answer or StatementKind.Preface
            && own.FirstOrDefault(s => s.Kind == input.Kind && s.QuestionId == input.QuestionId) is { } written)
            return Refusals.Conflict(input.Kind == StatementKind.Answer ? "Diese Leitfrage haben Sie bereits beantwortet." : "Ihre Vorbemerkung gibt es bereits.",
                "Bitte das vorhandene Statement bearbeiten, statt ein zweites anzulegen.",
                new Dictionary<string, object?> { ["statementId"] = written.Id });
        if (input.Kind == StatementKind.General && own.Count(s => s.Kind == StatementKind.General) >= ExchangeRules.MaxGeneralStatements)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["kind"] = [$"Höchstens {ExchangeRules.MaxGeneralStatements} Statements ohne Leitfrage je Person."],
            });

        var now = clock.GetUtcNow();
        var statement = new Statement
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            PanelistId = panelist.Id,
            Kind = input.Kind!.Value,
            QuestionId = input.QuestionId,
            Text = input.Text!.Trim(),
            Practices = links ?? [],
            WrittenAt = now,
        };
        db.Statements.Add(statement);
        db.AddIntegrationEvent(Submitted(statement, panelist, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Refusals.Conflict("Das Statement wurde gerade schon geschrieben.", "Bitte neu laden und das vorhandene Statement ändern.");
        }
        return TypedResults.Created($"/api/meetings/exchange-sessions/{session.Id}/statements/{statement.Id}", StatementDto.From(statement));
    }

    static async Task<Results<Ok<StatementDto>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeAsync(
        Guid sessionId, Guid statementId, StatementTextInput input, ClaimsPrincipal user, MeetingsDb db, LibraryPractices practices, TimeProvider clock,
        CancellationToken ct)
    {
        var found = await OwnAsync(sessionId, statementId, user, db, ct);
        if (found.Refusal is { } refusal)
            return refusal;
        if (found.Statement is not { } statement || found.Panelist is not { } panelist)
            return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (ExchangeRules.TextProblem(input.Text) is { } problem)
            errors["text"] = [problem];
        var links = await practices.LinksAsync(input.PracticeIds, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        (statement.Text, statement.ChangedAt) = (input.Text!.Trim(), now);
        statement.Practices = links ?? statement.Practices;
        db.AddIntegrationEvent(Submitted(statement, panelist, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(StatementDto.From(statement));
    }

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(
        Guid sessionId, Guid statementId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var found = await OwnAsync(sessionId, statementId, user, db, ct);
        if (found.Refusal is { } refusal)
            return refusal;
        if (found.Statement is not { } statement)
            return TypedResults.NotFound();
        db.Statements.Remove(statement);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's own statement of an open session, or why not: 404 when there is none, 403 when it is another's, 409 once published.</summary>
    static async Task<(Statement? Statement, Panelist? Panelist, ProblemHttpResult? Refusal)> OwnAsync(
        Guid sessionId, Guid statementId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        var statement = session is null ? null : await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId && s.SessionId == sessionId, ct);
        if (session is null || statement is null)
            return (null, null, null);
        if (session.PanelistOf(user) is not { } panelist)
            return (null, null, ExchangeAccess.NotPanelist());
        if (statement.PanelistId != panelist.Id)
            return (null, null, ExchangeAccess.NotYourStatement());
        if (session.ResultsPublishedAt is not null)
            return (null, null, ExchangeAccess.AlreadyPublished());
        return (statement, panelist, null);
    }

    static StatementSubmitted Submitted(Statement statement, Panelist panelist, DateTimeOffset now) => new(statement.SessionId, statement.Id,
        panelist.Id, panelist.PersonId, JsonNamingPolicy.KebabCaseLower.ConvertName(statement.Kind.ToString()), statement.QuestionId, now);
}
