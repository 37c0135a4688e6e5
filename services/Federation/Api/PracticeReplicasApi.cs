using System.Security.Claims;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Data.Lists;
using Kommune20.Federation.Data;
using Kommune20.Federation.Replicas;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Api;

/// <summary>
/// The practices the hub holds. Visitors see public ones; signed-in members of the network also see network-only ones.
/// The hub never edits a city's record; the one thing it does at a city's word is withdraw one a network published for
/// it, asked by the city's own editor (e.g. after the city withdrew its consent from the network).
/// </summary>
public static class PracticeReplicasApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapPracticeReplicasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/federation/practices").WithTags("Practices");
        group.MapGet("/", ListAsync).AllowAnonymous();
        group.MapGet("/{originMemberId:guid}/{originId}", GetAsync).AllowAnonymous();
        group.MapDelete("/{originMemberId:guid}/{originId}", WithdrawAsync).RequireAuthorization(Policies.CityEditor);
        return group;
    }

    static async Task<Results<Ok<PagedList<PracticeReplicaDto>>, ValidationProblem>> ListAsync(
        Guid? origin, int? page, int? pageSize, ClaimsPrincipal user, FederationDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var practices = Visible(db, user);
        if (origin is { } originMemberId)
            practices = practices.Where(r => r.OriginMemberId == originMemberId);
        return TypedResults.Ok(await practices.OrderBy(r => r.Title).ThenBy(r => r.OriginMemberId).ThenBy(r => r.OriginId)
            .ToPagedListAsync(page ?? 1, pageSize ?? DefaultPageSize, ToDto, ct));
    }

    static async Task<Results<Ok<PracticeReplicaDto>, NotFound>> GetAsync(
        Guid originMemberId, string originId, ClaimsPrincipal user, FederationDb db, CancellationToken ct)
    {
        var replica = await Visible(db, user).FirstOrDefaultAsync(r => r.OriginMemberId == originMemberId && r.OriginId == originId, ct);
        return replica is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(replica));
    }

    /// <summary>Only the origin's own editors; anyone else (a network's editor too) is refused, without learning more.</summary>
    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> WithdrawAsync(
        Guid originMemberId, string originId, ClaimsPrincipal user, ReplicaWriter writer, CancellationToken ct)
    {
        if (user.GetMemberId() != originMemberId)
            return Refusals.Forbidden("Nur die Redaktion der Stadt selbst.",
                "Einen Datensatz am Hub zurückziehen darf nur die Redaktion des Mitglieds, von dem er stammt.");
        var outcome = await writer.WriteAsync(1, (unit, now, token) =>
            Replication.StageOriginWithdrawalAsync(unit, originMemberId, RecordKind.Practice, originId, now, token), ct);
        return outcome switch
        {
            OriginWithdrawal.Withdrawn => TypedResults.NoContent(),
            OriginWithdrawal.OwnNodeRecord => Refusals.Conflict("Der Datensatz kommt vom eigenen Knoten der Stadt.",
                "Ihr Knoten veröffentlicht ihn; ziehen Sie ihn dort zurück, dann verschwindet er mit dem nächsten Abgleich auch am Hub."),
            _ => TypedResults.NotFound(),
        };
    }

    static IQueryable<Replica> Visible(FederationDb db, ClaimsPrincipal user)
    {
        var practices = db.Replicas.AsNoTracking().Where(r => r.Kind == RecordKind.Practice && r.Body != null);
        return user.Identity?.IsAuthenticated == true ? practices : practices.Where(r => r.Visibility == Visibility.Public);
    }

    static PracticeReplicaDto ToDto(Replica replica) => new(
        replica.OriginMemberId, replica.OriginId, replica.Version, replica.ChangedAt, replica.Visibility ?? Visibility.Public,
        JsonSerializer.Deserialize<PracticeRecord>(replica.Body!, Json.Options)!, replica.RelayedBy);
}
