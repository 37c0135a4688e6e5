using System.Security.Claims;
using Kommune20.Data.Audit;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Members;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Attendance;

/// <summary>
/// Delegates and the door: members name who represents them, the office checks them in and out, and everyone at the
/// assembly sees the live quorum.
/// </summary>
public static class DelegatesApi
{
    public static RouteGroupBuilder MapDelegatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/assemblies/{assemblyId:guid}").WithTags("Attendance");
        group.MapGet("/delegates", ListAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/delegates", NameAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/delegates/{delegateId:guid}/check-in", CheckInAsync).RequireAuthorization(Policies.Office);
        group.MapDelete("/delegates/{delegateId:guid}/check-in", CheckOutAsync).RequireAuthorization(Policies.Office);
        group.MapGet("/quorum", QuorumAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    static async Task<Results<Ok<List<DelegateDto>>, NotFound>> ListAsync(
        Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, VotingRegister register, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(assemblyId, user, ct) is null)
            return TypedResults.NotFound();
        var office = user.IsInRole(Roles.Office);
        var member = user.GetMemberId();
        var delegates = await db.Delegates.AsNoTracking()
            .Where(d => d.AssemblyId == assemblyId && (office || d.MemberId == member))
            .OrderBy(d => d.NamedAt).ToListAsync(ct);
        var names = await register.VotingMembersAsync(ct);
        return TypedResults.Ok(delegates.Select(d => ToDto(d, names)).ToList());
    }

    static async Task<Results<Created<DelegateDto>, ValidationProblem, NotFound, ProblemHttpResult>> NameAsync(
        Guid assemblyId, DelegateInput input, ClaimsPrincipal user, MeetingsDb db, VotingRegister register, TimeProvider clock,
        CancellationToken ct)
    {
        var assembly = await db.FindVisibleAsync(assemblyId, user, ct);
        if (assembly is null)
            return TypedResults.NotFound();
        if (assembly.InvitedAt is null)
            return Refusals.Conflict("Die Einladung ist noch nicht verschickt.",
                "Delegierte werden benannt, sobald die Mitglieder eingeladen sind.");

        var office = user.IsInRole(Roles.Office);
        if (!office && !user.IsInRole(Roles.Delegate))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Nur Delegierte eines Mitglieds oder die Geschäftsstelle.",
                detail: "Als Delegierte oder Delegierter meldet sich an, wer im Register die Rolle „Delegierte“ für ein Mitglied hat.");
        var errors = new Dictionary<string, string[]>();
        var memberId = office ? input.MemberId : user.GetMemberId();
        var personId = office ? input.PersonId?.Trim() : user.FindFirstValue(Kommune20Claims.Subject);
        var name = office ? input.Name?.Trim() : user.FindFirstValue(Kommune20Claims.Name);
        if (memberId is null)
            errors["memberId"] = ["Das vertretene Mitglied fehlt."];
        if (string.IsNullOrWhiteSpace(personId) || personId.Length > 100)
            errors["personId"] = ["Die Kennung der Person im Register fehlt."];
        if (string.IsNullOrWhiteSpace(name) || name.Length > AssemblyRules.MaxTitleLength)
            errors["name"] = [$"Der Name fehlt oder ist länger als {AssemblyRules.MaxTitleLength} Zeichen."];
        var voting = await register.VotingMembersAsync(ct);
        if (memberId is { } id && !voting.ContainsKey(id))
            errors["memberId"] = ["Dieses Mitglied hat kein Stimmrecht; Delegierte benennen nur stimmberechtigte Mitglieder."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (await db.Delegates.AnyAsync(d => d.AssemblyId == assemblyId && d.PersonId == personId, ct))
            return Refusals.Conflict("Diese Person ist bereits als Delegierte benannt.",
                "Eine Person vertritt bei einer Versammlung ein Mitglied.");

        var named = new MemberDelegate
        {
            Id = Guid.NewGuid(),
            AssemblyId = assemblyId,
            MemberId = memberId!.Value,
            PersonId = personId!,
            Name = name!,
            NamedAt = clock.GetUtcNow(),
        };
        db.Delegates.Add(named);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/assemblies/{assemblyId}/delegates", ToDto(named, voting));
    }

    static Task<Results<Ok<DelegateDto>, NotFound>> CheckInAsync(
        Guid assemblyId, Guid delegateId, ClaimsPrincipal user, MeetingsDb db, VotingRegister register, TimeProvider clock, CancellationToken ct) =>
        SetCheckInAsync(assemblyId, delegateId, clock.GetUtcNow(), user, db, register, ct);

    static Task<Results<Ok<DelegateDto>, NotFound>> CheckOutAsync(
        Guid assemblyId, Guid delegateId, ClaimsPrincipal user, MeetingsDb db, VotingRegister register, CancellationToken ct) =>
        SetCheckInAsync(assemblyId, delegateId, null, user, db, register, ct);

    static async Task<Results<Ok<DelegateDto>, NotFound>> SetCheckInAsync(
        Guid assemblyId, Guid delegateId, DateTimeOffset? at, ClaimsPrincipal user, MeetingsDb db, VotingRegister register, CancellationToken ct)
    {
        var named = await db.Delegates.FirstOrDefaultAsync(d => d.Id == delegateId && d.AssemblyId == assemblyId, ct);
        if (named is null)
            return TypedResults.NotFound();
        // Checking in twice keeps the first time: the attendance list says when a delegate arrived.
        var before = named.CheckedInAt;
        if (at is null || named.CheckedInAt is null)
            named.CheckedInAt = at;
        db.AddAuditEntry(user, at is null ? "delegate.checked-out" : "delegate.checked-in", $"assembly/{assemblyId}/delegate/{named.Id}",
            new { named.MemberId, named.Name, CheckedInAt = before }, new { named.MemberId, named.Name, named.CheckedInAt });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(named, await register.VotingMembersAsync(ct)));
    }

    static async Task<Results<Ok<QuorumDto>, NotFound>> QuorumAsync(
        Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, AssemblyAttendance attendance, CancellationToken ct) =>
        await db.FindVisibleAsync(assemblyId, user, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await attendance.QuorumAsync(assemblyId, ct));

    static DelegateDto ToDto(MemberDelegate named, IReadOnlyDictionary<Guid, string> names) => new(named.Id, named.MemberId,
        names.GetValueOrDefault(named.MemberId, "–"), named.PersonId, named.Name, named.NamedAt, named.CheckedInAt);
}
