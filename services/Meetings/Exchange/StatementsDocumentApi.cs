using System.Security.Claims;
using System.Text;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Documents;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.Meetings.OParl;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange;

/// <summary>
/// The compiled statements of a session, generated on each request from what the panel wrote so far, as Markdown, HTML
/// and PDF; <c>by=panelist</c> (default) or <c>by=question</c>, closed by the live room's takeaways and audience questions.
/// Readable by whoever may read the statements.
/// </summary>
public static class StatementsDocumentApi
{
    public static RouteGroupBuilder MapStatementsDocumentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/exchange-sessions/{sessionId:guid}").WithTags("Statements");
        group.MapGet("/statements.md", MarkdownAsync).AllowAnonymous();
        group.MapGet("/statements.html", HtmlAsync).AllowAnonymous().WithContentSecurityPolicy(_ => DocumentHtml.ContentSecurityPolicy);
        group.MapGet("/statements.pdf", PdfAsync).AllowAnonymous();
        return group;
    }

    static async Task<Results<ContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> MarkdownAsync(
        Guid sessionId, string? by, HttpRequest request, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, CancellationToken ct) =>
        await CompileAsync(sessionId, by, request, user, db, room, ct) switch
        {
            (Compiled document, _) => TypedResults.Text(document.Markdown, "text/markdown", Encoding.UTF8),
            (_, var refusal) => Refuse(refusal),
        };

    static async Task<Results<ContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> HtmlAsync(
        Guid sessionId, string? by, HttpRequest request, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, CancellationToken ct) =>
        await CompileAsync(sessionId, by, request, user, db, room, ct) switch
        {
            (Compiled document, _) => TypedResults.Text(DocumentHtml.Render(document.Title, document.Markdown), "text/html", Encoding.UTF8),
            (_, var refusal) => Refuse(refusal),
        };

    static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> PdfAsync(
        Guid sessionId, string? by, HttpRequest request, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, CancellationToken ct) =>
        await CompileAsync(sessionId, by, request, user, db, room, ct) switch
        {
            (Compiled document, _) => TypedResults.File(DocumentPdf.Render(document.Title, document.Markdown), "application/pdf",
                $"statements-{document.StartsAt:yyyy-MM-dd}.pdf"),
            (_, Refusal.Order) => BadOrder(),
            (_, Refusal.NoSession) => TypedResults.NotFound(),
            _ => ExchangeAccess.NotPublished(),
        };

    sealed record Compiled(string Title, string Markdown, DateTimeOffset StartsAt);

    enum Refusal { None, Order, NoSession, NotPublished }

    static async Task<(Compiled? Document, Refusal Refusal)> CompileAsync(Guid sessionId, string? by, HttpRequest request, ClaimsPrincipal user,
        MeetingsDb db, LiveRoom room, CancellationToken ct)
    {
        CompiledBy? order = by?.Trim().ToLowerInvariant() switch
        {
            null or "" or "panelist" => CompiledBy.Panelist,
            "question" => CompiledBy.Question,
            _ => null,
        };
        if (order is null)
            return (null, Refusal.Order);
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return (null, Refusal.NoSession);
        if (!session.MayReadStatements(user))
            return (null, Refusal.NotPublished);
        var statements = await db.Statements.AsNoTracking().Where(s => s.SessionId == sessionId).ToListAsync(ct);
        var live = new LiveRoomResults(await db.Takeaways.AsNoTracking().Where(t => t.SessionId == sessionId).ToListAsync(ct),
            await room.RankedAsync(sessionId, ct));
        return (new Compiled($"{StatementsDocument.Heading}: {session.Title}", StatementsDocument.Write(session, statements, order.Value, new Uri(OParlUrls.For(request).Site), live),
            session.StartsAt), Refusal.None);
    }

    static Results<ContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult> Refuse(Refusal refusal) => refusal switch
    {
        Refusal.Order => BadOrder(),
        Refusal.NoSession => TypedResults.NotFound(),
        _ => ExchangeAccess.NotPublished(),
    };

    static ValidationProblem BadOrder() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["by"] = ["Zusammengestellt wird nach Person (by=panelist) oder nach Leitfrage (by=question)."],
    });
}
