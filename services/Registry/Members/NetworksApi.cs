using System.Security.Claims;
using Kommune20.Contracts.Registry;
using Kommune20.Data.Audit;
using Kommune20.Messaging;
using Kommune20.Registry.Data;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.Members;

/// <summary>The network of networks: who belongs to which network, transitively, without cycles.</summary>
public static class NetworksApi
{
    public static RouteGroupBuilder MapNetworksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registry/members/{id:guid}").WithTags("Networks");
        group.MapGet("/members", MembersOfAsync).AllowAnonymous();
        group.MapGet("/networks", NetworksOfAsync).AllowAnonymous();
        group.MapGet("/memberships", MembershipsOfAsync).AllowAnonymous();
        group.MapPut("/members/{memberId:guid}", PutMembershipAsync).RequireAuthorization(Policies.Office);
        group.MapDelete("/members/{memberId:guid}", DeleteMembershipAsync).RequireAuthorization(Policies.Office);
        app.MapGet("/api/registry/networks", Overview).WithTags("Networks").AllowAnonymous();
        return group;
    }

    /// <summary>
    /// Every network with its direct members in one answer, for the picture of the network of networks: per network the
    /// count, every member that is a network itself, and the first <c>shown</c> others by name (the association alone
    /// has every municipality as its member). Members that left are not in it. Answered from the register in memory.
    /// </summary>
    static async Task<Results<Ok<List<NetworkOverview>>, ValidationProblem>> Overview(int? shown, RegisterSnapshot snapshot, CancellationToken ct)
    {
        if (shown is < 0 or > NetworkOverview.MaxShown)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["shown"] = [$"Zwischen 0 und {NetworkOverview.MaxShown} Mitglieder je Netzwerk."] });
        var register = await snapshot.GetAsync(ct);
        bool Present(Guid id) => register.Members.TryGetValue(id, out var member) && member.Status != MemberStatus.Left;
        var networks = register.Graph.Networks.Where(Present).ToHashSet();
        return TypedResults.Ok(networks
            .Select(id => register.Members[id])
            .OrderBy(network => network.SortKey)
            .Select(network =>
            {
                var members = register.Graph.MembersOf(network.Id, transitive: false).Where(Present).Select(id => register.Members[id]).OrderBy(m => m.SortKey).ToList();
                var others = members.Where(m => !networks.Contains(m.Id)).Take(shown ?? NetworkOverview.DefaultShown).ToHashSet();
                return new NetworkOverview(MemberSummary.From(network), members.Count,
                    members.Where(m => networks.Contains(m.Id) || others.Contains(m)).Select(MemberSummary.From).ToList());
            })
            .ToList());
    }

    static async Task<Results<Ok<List<MemberSummary>>, NotFound>> MembersOfAsync(Guid id, bool? transitive, RegistryDb db, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, ct))
            return TypedResults.NotFound();
        var graph = await db.LoadGraphAsync(ct);
        return TypedResults.Ok(await MembersApi.SummariesAsync(db, graph.MembersOf(id, transitive ?? true), ct));
    }

    static async Task<Results<Ok<List<MemberSummary>>, NotFound>> NetworksOfAsync(Guid id, bool? transitive, RegistryDb db, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, ct))
            return TypedResults.NotFound();
        var graph = await db.LoadGraphAsync(ct);
        return TypedResults.Ok(await MembersApi.SummariesAsync(db, graph.NetworksOf(id, transitive ?? true), ct));
    }

    /// <summary>
    /// The network's direct members with their consent to relaying: a network node asks which members it may publish for.
    /// Public like the membership itself, since the portal shows who publishes for a member.
    /// </summary>
    static async Task<Results<Ok<List<NetworkMemberDto>>, NotFound>> MembershipsOfAsync(Guid id, RegistryDb db, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, ct))
            return TypedResults.NotFound();
        var members = await (from edge in db.NetworkMemberships
                             join member in db.Members on edge.MemberId equals member.Id
                             where edge.NetworkId == id
                             orderby member.Name
                             select new NetworkMemberDto(member.Id, member.Kind, member.Name, edge.RelayAllowed)).ToListAsync(ct);
        return TypedResults.Ok(members);
    }

    static async Task<Results<Ok<NetworkMembershipDto>, Created<NetworkMembershipDto>, ValidationProblem, NotFound>> PutMembershipAsync(
        Guid id, Guid memberId, NetworkMembershipInput input, ClaimsPrincipal user, RegistryDb db, TimeProvider clock, CancellationToken ct)
    {
        var known = await db.Members.Where(m => m.Id == id || m.Id == memberId).Select(m => m.Id).ToListAsync(ct);
        if (!known.Contains(id))
            return TypedResults.NotFound();
        if (!known.Contains(memberId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["memberId"] = ["Dieses Mitglied gibt es nicht."] });

        var edge = await db.NetworkMemberships.FirstOrDefaultAsync(e => e.NetworkId == id && e.MemberId == memberId, ct);
        var graph = await db.LoadGraphAsync(ct);
        if (edge is null && graph.WouldCreateCycle(id, memberId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["memberId"] = ["Das Mitglied enthält dieses Netzwerk bereits (direkt oder über andere Netzwerke); ein Kreis ist nicht erlaubt."],
            });

        var created = edge is null;
        var before = edge is null ? null : NetworkMembershipDto.From(edge);
        edge ??= db.NetworkMemberships.Add(new NetworkMembership { NetworkId = id, MemberId = memberId }).Entity;
        edge.Since = input.Since ?? edge.Since;
        edge.RelayAllowed = input.RelayAllowed ?? edge.RelayAllowed;
        db.AddIntegrationEvent(new NetworkMembershipChanged(id, memberId, IsMember: true, edge.RelayAllowed, clock.GetUtcNow()));
        db.AddAuditEntry(user, "network-membership.set", $"member/{id}/members/{memberId}", before, NetworkMembershipDto.From(edge));
        await db.SaveChangesAsync(ct);

        var dto = NetworkMembershipDto.From(edge);
        return created ? TypedResults.Created($"/api/registry/members/{id}/members/{memberId}", dto) : TypedResults.Ok(dto);
    }

    static async Task<Results<NoContent, NotFound>> DeleteMembershipAsync(
        Guid id, Guid memberId, ClaimsPrincipal user, RegistryDb db, TimeProvider clock, CancellationToken ct)
    {
        var edge = await db.NetworkMemberships.FirstOrDefaultAsync(e => e.NetworkId == id && e.MemberId == memberId, ct);
        if (edge is null)
            return TypedResults.NotFound();
        db.NetworkMemberships.Remove(edge);
        db.AddIntegrationEvent(new NetworkMembershipChanged(id, memberId, IsMember: false, RelayAllowed: false, clock.GetUtcNow()));
        db.AddAuditEntry(user, "network-membership.removed", $"member/{id}/members/{memberId}", NetworkMembershipDto.From(edge), after: null);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
