using Kommune20.CityNode.Data;
using Kommune20.CityNode.Federation;
using Kommune20.CityNode.Records;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Network;

/// <summary>
/// The network node's desk: its members with consent, records and handover, and a member's handover (the document for
/// the member's own node; posting it also marks the member handed over, after which the node stops pushing for it).
/// </summary>
public static class NetworkDeskApi
{
    /// <summary>
    /// A member as the desk shows it: whether it consented, how many records the node keeps for it, whether it was handed
    /// over, and whether the signed-in person may see its records here (<see cref="MayRead"/>) and still change them.
    /// </summary>
    public sealed record MemberState(Guid MemberId, string Name, bool RelayAllowed, int Records, DateTimeOffset? HandedOverAt, bool MayRead, bool MayEdit);

    public static IEndpointRouteBuilder MapNetworkDeskApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/node/members", ListAsync).WithTags("Network").RequireAuthorization(EditorPolicy.Name);
        var handover = app.MapGroup(NodeRoutes.MemberRoute + "/handover").WithTags("Network")
            .RequireAuthorization(EditorPolicy.Name).RequireMemberAccess(handover: true);
        handover.MapGet("/", ExportAsync);
        handover.MapPost("/", HandOverAsync);
        return app;
    }

    static async Task<Results<Ok<List<MemberState>>, ProblemHttpResult>> ListAsync(HttpContext http, NetworkMembers network, NodeSettings settings,
        NodeDb db, CancellationToken ct)
    {
        if (await network.GetAsync(fresh: false, ct) is not { } members)
            return NodeProblems.Unavailable("members", "Das Mitgliederverzeichnis des Vereins ist nicht erreichbar.");
        var counts = await db.Records.GroupBy(r => r.OriginMemberId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var handedOver = await db.HandedOver.ToDictionaryAsync(h => h.MemberId, h => h.HandedOverAt, ct);
        var editorOf = http.User.GetMemberId();
        return TypedResults.Ok(members.Select(m =>
        {
            var mayRead = m.RelayAllowed && (editorOf == settings.MemberId || editorOf == m.MemberId);
            var handedOverAt = handedOver.TryGetValue(m.MemberId, out var at) ? at : (DateTimeOffset?)null;
            return new MemberState(m.MemberId, m.Name, m.RelayAllowed, counts.GetValueOrDefault(m.MemberId), handedOverAt, mayRead, mayRead && handedOverAt is null);
        }).ToList());
    }

    static async Task<Ok<HandoverDocument>> ExportAsync(OriginMember origin, NodeDb db, NetworkMembers network, NodeSettings settings,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await DocumentAsync(origin.MemberId, db, network, settings, clock, ct));

    static async Task<Ok<HandoverDocument>> HandOverAsync(OriginMember origin, NodeDb db, NetworkMembers network, NodeSettings settings,
        PushLoops loops, TimeProvider clock, CancellationToken ct)
    {
        await loops.StopAsync(origin.MemberId);
        if (await db.HandedOver.FindAsync([origin.MemberId], ct) is null)
        {
            db.HandedOver.Add(new HandedOverMember { MemberId = origin.MemberId, HandedOverAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(await DocumentAsync(origin.MemberId, db, network, settings, clock, ct));
    }

    static async Task<HandoverDocument> DocumentAsync(Guid memberId, NodeDb db, NetworkMembers network, NodeSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        var name = (await network.GetAsync(fresh: false, ct))?.FirstOrDefault(m => m.MemberId == memberId)?.Name;
        var records = await db.Records.AsNoTracking().Where(r => r.OriginMemberId == memberId)
            .OrderBy(r => r.Kind).ThenBy(r => r.Id).ToListAsync(ct);
        var changes = await db.ChangeLog.AsNoTracking().Where(c => c.OriginMemberId == memberId).OrderBy(c => c.Version).ToListAsync(ct);
        return HandoverDocument.From(memberId, name, settings.MemberId, clock.GetUtcNow(), records, changes);
    }
}
