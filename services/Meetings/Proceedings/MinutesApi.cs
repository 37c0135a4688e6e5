using System.Security.Claims;
using System.Text;
using Kommune20.Contracts.Meetings;
using Kommune20.Data.Audit;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Documents;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Proceedings;

/// <summary>
/// An assembly's minutes: the office generates them (again, as often as needed, while they are a draft), the chair and
/// the minute-taker approve them as two different persons, and then they are final, never change, and are public as
/// JSON, Markdown, HTML and PDF. Until then only the office reads them.
/// </summary>
public static class MinutesApi
{
    public static RouteGroupBuilder MapMinutesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/assemblies/{assemblyId:guid}").WithTags("Minutes");
        group.MapPost("/minutes", GenerateAsync).RequireAuthorization(Policies.Office);
        group.MapPost("/minutes/approval", ApproveAsync).RequireAuthorization(Policies.Office);
        group.MapGet("/minutes", GetAsync).AllowAnonymous();
        group.MapGet("/minutes.md", MarkdownAsync).AllowAnonymous();
        group.MapGet("/minutes.html", HtmlAsync).AllowAnonymous().WithContentSecurityPolicy(_ => DocumentHtml.ContentSecurityPolicy);
        group.MapGet("/minutes.pdf", PdfAsync).AllowAnonymous();
        return group;
    }

    static async Task<Results<Ok<MinutesDto>, NotFound, ProblemHttpResult>> GenerateAsync(
        Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, MinutesRecorder recorder, TimeProvider clock, CancellationToken ct)
    {
        var assembly = await db.Assemblies.AsNoTracking().Include(a => a.Agenda).FirstOrDefaultAsync(a => a.Id == assemblyId, ct);
        if (assembly is null)
            return TypedResults.NotFound();
        if (assembly.InvitedAt is null)
            return Refusals.Conflict("Die Versammlung ist noch nicht einberufen.", "Ein Protokoll gibt es für eine Versammlung, zu der eingeladen wurde.");
        if (await db.Votes.AnyAsync(v => v.AssemblyId == assemblyId && v.ClosedAt == null, ct))
            return Refusals.Conflict("Es läuft noch eine Abstimmung.", "Das Protokoll nennt nur geschlossene Ergebnisse; bitte die Abstimmung zuerst schließen.");
        var minutes = await db.Minutes.FirstOrDefaultAsync(m => m.AssemblyId == assemblyId, ct);
        if (minutes?.FinalAt is not null)
            return AlreadyFinal(minutes);

        var markdown = MinutesWriter.Write(await recorder.RecordAsync(assembly, ct));
        var now = clock.GetUtcNow();
        if (minutes is null)
        {
            minutes = new Minutes { AssemblyId = assemblyId, Markdown = markdown };
            db.Minutes.Add(minutes);
        }
        // A new draft is new content: approvals given to the previous one do not carry over.
        (minutes.Markdown, minutes.GeneratedAt) = (markdown, now);
        (minutes.ApprovedByChair, minutes.ChairApproverId, minutes.ChairApprovedAt) = (null, null, null);
        (minutes.ApprovedByMinuteTaker, minutes.MinuteTakerApproverId, minutes.MinuteTakerApprovedAt) = (null, null, null);
        minutes.Version++;
        db.AddAuditEntry(user, "minutes.generated", $"assembly/{assemblyId}/minutes", before: null, after: new { minutes.Version, minutes.GeneratedAt });
        if (await SaveAsync(db, ct) is { } conflict)
            return conflict;
        return TypedResults.Ok(MinutesDto.From(minutes, assembly));
    }

    static async Task<Results<Ok<MinutesDto>, ValidationProblem, NotFound, ProblemHttpResult>> ApproveAsync(
        Guid assemblyId, ApprovalInput input, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (input.As is not (ApprovalInput.Chair or ApprovalInput.MinuteTaker))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["as"] = [$"Bitte angeben, in welcher Funktion genehmigt wird: \"{ApprovalInput.Chair}\" oder \"{ApprovalInput.MinuteTaker}\"."],
            });
        var assembly = await db.Assemblies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assemblyId, ct);
        var minutes = await db.Minutes.FirstOrDefaultAsync(m => m.AssemblyId == assemblyId, ct);
        if (assembly is null || minutes is null)
            return TypedResults.NotFound();
        if (minutes.FinalAt is not null)
            return AlreadyFinal(minutes);

        var person = user.FindFirstValue(Kommune20Claims.Subject)!;
        var name = user.FindFirstValue(Kommune20Claims.Name) ?? person;
        var asChair = input.As == ApprovalInput.Chair;
        var (given, other) = asChair
            ? (minutes.ApprovedByChair, minutes.MinuteTakerApproverId)
            : (minutes.ApprovedByMinuteTaker, minutes.ChairApproverId);
        if (given is not null)
            return Refusals.Conflict($"Die {Role(asChair)} hat bereits genehmigt.",
                $"Genehmigt hat {given}. Eine Genehmigung gilt für den Entwurf, bis er neu erstellt wird.");
        if (other == person)
            return Refusals.Conflict("Beide Genehmigungen von derselben Person.",
                $"Die {Role(!asChair)} hat bereits als {name} genehmigt; die {Role(asChair)} genehmigt eine andere Person.");

        var now = clock.GetUtcNow();
        if (asChair)
            (minutes.ApprovedByChair, minutes.ChairApproverId, minutes.ChairApprovedAt) = (name, person, now);
        else
            (minutes.ApprovedByMinuteTaker, minutes.MinuteTakerApproverId, minutes.MinuteTakerApprovedAt) = (name, person, now);
        if (minutes.ChairApprovedAt is not null && minutes.MinuteTakerApprovedAt is not null)
        {
            minutes.FinalAt = now;
            db.AddIntegrationEvent(new MinutesApproved(assemblyId, assembly.Title, now));
        }
        minutes.Version++;
        db.AddAuditEntry(user, asChair ? "minutes.approved-as-chair" : "minutes.approved-as-minute-taker", $"assembly/{assemblyId}/minutes",
            before: null, after: new { minutes.Version, minutes.FinalAt });
        if (await SaveAsync(db, ct) is { } conflict)
            return conflict;
        return TypedResults.Ok(MinutesDto.From(minutes, assembly));
    }

    static async Task<Results<Ok<MinutesDto>, NotFound>> GetAsync(Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct) =>
        await ReadableAsync(assemblyId, user, db, ct) is (var assembly, var minutes)
            ? TypedResults.Ok(MinutesDto.From(minutes, assembly))
            : TypedResults.NotFound();

    static async Task<Results<ContentHttpResult, NotFound>> MarkdownAsync(Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct) =>
        await ReadableAsync(assemblyId, user, db, ct) is (var assembly, var minutes)
            ? TypedResults.Text(MinutesDto.DocumentOf(minutes, assembly), "text/markdown", Encoding.UTF8)
            : TypedResults.NotFound();

    static async Task<Results<ContentHttpResult, NotFound>> HtmlAsync(Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct) =>
        await ReadableAsync(assemblyId, user, db, ct) is (var assembly, var minutes)
            ? TypedResults.Text(DocumentHtml.Render($"Protokoll: {assembly.Title}", MinutesDto.DocumentOf(minutes, assembly)), "text/html", Encoding.UTF8)
            : TypedResults.NotFound();

    static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct) =>
        await ReadableAsync(assemblyId, user, db, ct) is (var assembly, var minutes)
            ? TypedResults.File(DocumentPdf.Render($"Protokoll: {assembly.Title}", MinutesDto.DocumentOf(minutes, assembly)), "application/pdf",
                $"protokoll-{assembly.StartsAt:yyyy-MM-dd}.pdf")
            : TypedResults.NotFound();

    /// <summary>The minutes as the caller may read them: the office always, everyone else once they are final.</summary>
    static async Task<(GeneralAssembly Assembly, Minutes Minutes)?> ReadableAsync(Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var assembly = await db.FindVisibleAsync(assemblyId, user, ct);
        var minutes = assembly is null ? null : await db.Minutes.AsNoTracking().FirstOrDefaultAsync(m => m.AssemblyId == assemblyId, ct);
        return minutes is not null && (minutes.FinalAt is not null || user.IsInRole(Roles.Office)) ? (assembly!, minutes) : null;
    }

    /// <summary>Saves the change, or says that someone else changed the minutes at the same moment.</summary>
    static async Task<ProblemHttpResult?> SaveAsync(MeetingsDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            return Refusals.Conflict("Das Protokoll wurde gerade geändert.", "Bitte neu laden und erneut versuchen.");
        }
    }

    static string Role(bool chair) => chair ? "Versammlungsleitung" : "Protokollführung";

    static ProblemHttpResult AlreadyFinal(Minutes minutes) => Refusals.Conflict("Das Protokoll ist genehmigt und endgültig.",
        $"Genehmigt von {minutes.ApprovedByChair} (Versammlungsleitung) und {minutes.ApprovedByMinuteTaker} (Protokollführung); "
        + "ein genehmigtes Protokoll wird weder neu erstellt noch erneut genehmigt.");
}

/// <summary>In which role the signed-in office person approves: <c>chair</c> or <c>minute-taker</c>.</summary>
public sealed record ApprovalInput(string? As)
{
    public const string Chair = "chair";
    public const string MinuteTaker = "minute-taker";
}

/// <summary>The minutes as JSON: the whole Markdown (with the signatures), whether draft or final, and who approved when.</summary>
public sealed record MinutesDto(Guid AssemblyId, string Status, string Markdown, DateTimeOffset GeneratedAt, string? ApprovedByChair,
    DateTimeOffset? ChairApprovedAt, string? ApprovedByMinuteTaker, DateTimeOffset? MinuteTakerApprovedAt, DateTimeOffset? FinalAt)
{
    public static MinutesDto From(Minutes minutes, GeneralAssembly assembly) => new(minutes.AssemblyId,
        minutes.FinalAt is null ? "draft" : "final", DocumentOf(minutes, assembly), minutes.GeneratedAt, minutes.ApprovedByChair,
        minutes.ChairApprovedAt, minutes.ApprovedByMinuteTaker, minutes.MinuteTakerApprovedAt, minutes.FinalAt);

    public static string DocumentOf(Minutes minutes, GeneralAssembly assembly) => MinutesWriter.Document(minutes.Markdown, assembly.Chair,
        assembly.MinuteTaker,
        minutes.ApprovedByChair is { } chair ? new MinutesApproval(chair, minutes.ChairApprovedAt!.Value) : null,
        minutes.ApprovedByMinuteTaker is { } taker ? new MinutesApproval(taker, minutes.MinuteTakerApprovedAt!.Value) : null,
        minutes.GeneratedAt, minutes.FinalAt);
}
