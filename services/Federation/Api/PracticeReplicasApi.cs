using System.Security.Claims;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Data.Lists;
using Kommune20.Federation.Data;
using Kommune20.Federation.Replicas;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Api;

/// <summary>
/// The practices the hub holds, read-only (the hub never edits a city's record). Visitors see public ones;
/// signed-in members of the network also see network-only ones.
/// </summary>
public static class PracticeReplicasApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapPracticeReplicasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/federation/practices").WithTags("Practices").AllowAnonymous();
        group.MapGet("/", ListAsync);
        group.MapGet("/{originMemberId:guid}/{originId}", GetAsync);
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

    static IQueryable<Replica> Visible(FederationDb db, ClaimsPrincipal user)
    {
        var practices = db.Replicas.AsNoTracking().Where(r => r.Kind == RecordKind.Practice && r.Body != null);
        return user.Identity?.IsAuthenticated == true ? practices : practices.Where(r => r.Visibility == Visibility.Public);
    }

    static PracticeReplicaDto ToDto(Replica replica) => new(
        replica.OriginMemberId, replica.OriginId, replica.Version, replica.ChangedAt, replica.Visibility ?? Visibility.Public,
        JsonSerializer.Deserialize<PracticeRecord>(replica.Body!, Json.Options)!);
}
