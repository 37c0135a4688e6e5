using System.Security.Claims;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Members;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Attendance;

/// <summary>
/// Proxies (Stimmrechtsübertragungen): a member's person gives its member's vote to another member, or the office records
/// one handed in on paper; either may revoke it while no vote is open. A vote freezes the roll as it opens.
/// </summary>
public static class ProxiesApi
{
    public static RouteGroupBuilder MapProxiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/assemblies/{assemblyId:guid}/proxies").WithTags("Attendance");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/", GiveAsync).RequireAuthorization(Policies.Authenticated);
        group.MapDelete("/{proxyId:guid}", RevokeAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    static async Task<Results<Ok<List<ProxyDto>>, NotFound>> ListAsync(
        Guid assemblyId, ClaimsPrincipal user, MeetingsDb db, VotingRegister register, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(assemblyId, user, ct) is null)
            return TypedResults.NotFound();
        var office = user.IsInRole(Roles.Office);
        var member = user.GetMemberId();
        var proxies = await db.Proxies.AsNoTracking()
            .Where(p => p.AssemblyId == assemblyId && (office || p.GrantorId == member || p.HolderId == member))
            .OrderBy(p => p.GivenAt).ToListAsync(ct);
        var names = await register.VotingMembersAsync(ct);
        return TypedResults.Ok(proxies.Select(p => ProxyDto.From(p, names)).ToList());
    }

    static async Task<Results<Created<ProxyDto>, ValidationProblem, NotFound, ProblemHttpResult>> GiveAsync(
        Guid assemblyId, ProxyInput input, ClaimsPrincipal user, MeetingsDb db, VotingRegister register, AssemblyAttendance attendance,
        Statutes statutes, TimeProvider clock, CancellationToken ct)
    {
        var assembly = await db.FindVisibleAsync(assemblyId, user, ct);
        if (assembly is null)
            return TypedResults.NotFound();
        var office = user.IsInRole(Roles.Office);
        var grantor = office ? input.GrantorId : user.GetMemberId();
        if (!office && !(user.IsInRole(Roles.Delegate) || user.IsInRole(Roles.CityEditor)))
            return SpeaksForNoMember();
        if (grantor is null || input.HolderId is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [grantor is null ? "grantorId" : "holderId"] = ["Bitte angeben, welches Mitglied seine Stimme welchem Mitglied überträgt."],
            });

        var grant = new ProxyGrant(grantor.Value, input.HolderId.Value);
        var voting = await register.VotingMembersAsync(ct);
        var errors = ProxyRules.Validate(grant, voting.Keys.ToHashSet(), await attendance.ActiveProxiesAsync(assemblyId, ct), statutes);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var proxy = new Proxy { Id = Guid.NewGuid(), AssemblyId = assemblyId, GrantorId = grant.Grantor, HolderId = grant.Holder, GivenAt = clock.GetUtcNow() };
        db.Proxies.Add(proxy);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/assemblies/{assemblyId}/proxies/{proxy.Id}", ProxyDto.From(proxy, voting));
    }

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RevokeAsync(
        Guid assemblyId, Guid proxyId, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        var proxy = await db.Proxies.FirstOrDefaultAsync(p => p.Id == proxyId && p.AssemblyId == assemblyId && p.RevokedAt == null, ct);
        if (proxy is null)
            return TypedResults.NotFound();
        if (!user.IsInRole(Roles.Office) && user.GetMemberId() != proxy.GrantorId)
            return SpeaksForNoMember();
        if (await db.Votes.AnyAsync(v => v.AssemblyId == assemblyId && v.ClosedAt == null, ct))
            return Refusals.Conflict("Gerade läuft eine Abstimmung.",
                "Eine Vollmacht lässt sich widerrufen, bis eine Abstimmung eröffnet wird; bitte nach deren Schluss erneut versuchen.");
        proxy.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static ProblemHttpResult SpeaksForNoMember() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Nur das vollmachtgebende Mitglied oder die Geschäftsstelle.",
        detail: "Eine Vollmacht erteilt und widerruft das Mitglied, dessen Stimme sie überträgt.");
}

public sealed record ProxyInput(Guid? GrantorId, Guid? HolderId);

public sealed record ProxyDto(Guid Id, Guid GrantorId, string GrantorName, Guid HolderId, string HolderName, DateTimeOffset GivenAt,
    DateTimeOffset? RevokedAt)
{
    public static ProxyDto From(Proxy proxy, IReadOnlyDictionary<Guid, string> names) => new(proxy.Id, proxy.GrantorId,
        names.GetValueOrDefault(proxy.GrantorId, "–"), proxy.HolderId, names.GetValueOrDefault(proxy.HolderId, "–"), proxy.GivenAt,
        proxy.RevokedAt);
}
