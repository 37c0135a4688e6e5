using System.Security.Claims;
using Kommune20.Data.Audit;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange.Guests;

/// <summary>
/// Guests in the live room: a session's moderators open the room to guests and get a join code to show them, or close it
/// again, which ends every guest's pass; a guest redeems the code without signing in (rate-limited per address) for a
/// pass to that one room. Nothing about a guest is kept but the name they chose.
/// </summary>
public static class GuestAccessApi
{
    public const string RedemptionLimit = "guest-redemption";

    public static IEndpointRouteBuilder MapGuestAccessApi(this IEndpointRouteBuilder app)
    {
        var access = app.MapGroup("/api/meetings/exchange-sessions/{sessionId:guid}/guest-access").WithTags("Live room")
            .RequireAuthorization(Policies.Authenticated);
        access.MapGet("/", GetAsync);
        access.MapPost("/", OpenAsync);
        access.MapDelete("/", CloseAsync);
        app.MapPost("/api/meetings/guest-passes", RedeemAsync).WithTags("Live room").AllowAnonymous().RequireRateLimiting(RedemptionLimit);
        return app;
    }

    static async Task<Results<Ok<GuestAccessDto>, NotFound, ProblemHttpResult>> GetAsync(
        Guid sessionId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (!session.IsModeratedBy(user))
            return ExchangeAccess.NotModerator();
        return TypedResults.Ok(await AccessOfAsync(sessionId, db, ct));
    }

    /// <summary>Opens the room to guests with a new code; when it is open already, answers the code it has.</summary>
    static async Task<Results<Created<GuestAccessDto>, Ok<GuestAccessDto>, NotFound, ProblemHttpResult>> OpenAsync(
        Guid sessionId, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (session.RefuseModeratorChange(user) is { } refusal)
            return refusal;
        if (await db.GuestAccesses.AnyAsync(a => a.SessionId == sessionId, ct))
            return TypedResults.Ok(await AccessOfAsync(sessionId, db, ct));

        var code = JoinCode.New();
        while (await db.GuestAccesses.AnyAsync(a => a.Code == code, ct))
            code = JoinCode.New();
        var access = new GuestAccess { SessionId = sessionId, Code = code, OpenedAt = clock.GetUtcNow(), OpenedBy = user.PersonId()!.Value };
        db.GuestAccesses.Add(access);
        // The code stays out of the audit log, which the office reads: it is the moderators' to hand out.
        db.AddAuditEntry(user, "exchange-session.guests-admitted", $"exchange-session/{sessionId}/guest-access", before: null, after: new { access.OpenedAt });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/exchange-sessions/{sessionId}/guest-access", new GuestAccessDto(true, code, access.OpenedAt, 0));
    }

    /// <summary>Closes the room to guests: the code stops working and every pass redeemed with it ends at once.</summary>
    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> CloseAsync(
        Guid sessionId, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (!session.IsModeratedBy(user))
            return ExchangeAccess.NotModerator();
        var access = await db.GuestAccesses.FirstOrDefaultAsync(a => a.SessionId == sessionId, ct);
        if (access is null)
            return TypedResults.NoContent();
        var passes = await db.GuestPasses.Where(p => p.SessionId == sessionId).ToListAsync(ct);
        db.GuestPasses.RemoveRange(passes);
        db.GuestAccesses.Remove(access);
        db.AddAuditEntry(user, "exchange-session.guests-dismissed", $"exchange-session/{sessionId}/guest-access",
            before: new { access.OpenedAt, guests = passes.Count }, after: null);
        await db.SaveChangesAsync(ct);
        await room.GuestAccessEndedAsync(sessionId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A guest enters with the code: a pass to that session's live room. A wrong code is a 404 that says no more.</summary>
    static async Task<Results<Created<GuestPassDto>, ValidationProblem, ProblemHttpResult>> RedeemAsync(
        GuestPassInput input, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        var name = GuestPasses.DisplayName(input.Name);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Code))
            errors["code"] = ["Der Code fehlt: die acht Zeichen, die die Moderation zeigt."];
        if (name is null)
            errors["name"] = [$"Der Name darf höchstens {GuestPasses.MaxNameLength} Zeichen lang sein; er darf auch fehlen."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var code = JoinCode.Normalize(input.Code);
        var access = code is null ? null : await db.GuestAccesses.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        var session = access is null ? null : await db.ExchangeSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == access.SessionId, ct);
        if (access is null || session is null)
            return WrongCode();

        var token = GuestPasses.NewToken();
        var now = clock.GetUtcNow();
        // Expired passes go, so that nothing about a guest outlives their pass.
        await db.GuestPasses.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var pass = new GuestPass
        {
            Id = Guid.NewGuid(), SessionId = session.Id, TokenHash = GuestPasses.Hash(token), Name = name!, IssuedAt = now,
            ExpiresAt = now + GuestPasses.Lifetime,
        };
        db.GuestPasses.Add(pass);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return WrongCode(); // the moderators closed the access meanwhile; the pass belongs to it (foreign key)
        }
        return TypedResults.Created($"/api/meetings/exchange-sessions/{session.Id}/live",
            new GuestPassDto(token, pass.Id, pass.Name, session.Id, session.Title, pass.ExpiresAt));
    }

    static ProblemHttpResult WrongCode() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Dieser Code öffnet keinen Live-Raum.", detail: "Bitte den Code prüfen, den die Moderation zeigt.");

    static async Task<GuestAccessDto> AccessOfAsync(Guid sessionId, MeetingsDb db, CancellationToken ct) =>
        await db.GuestAccesses.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == sessionId, ct) is { } access
            ? new GuestAccessDto(true, access.Code, access.OpenedAt, await db.GuestPasses.CountAsync(p => p.SessionId == sessionId, ct))
            : new GuestAccessDto(false, null, null, 0);
}
