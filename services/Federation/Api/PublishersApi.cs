using Kommune20.Federation.Data;
using Kommune20.Federation.Replicas;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Api;

/// <summary>
/// Who publishes for a member at the hub, for its page in the portal: its own node once that has delivered, and every
/// network whose node delivered one of its live records. Public: the replicas' provenance is public too.
/// </summary>
public static class PublishersApi
{
    public static RouteHandlerBuilder MapPublishersApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/federation/members/{originMemberId:guid}/publishers", GetAsync).WithTags("Practices").AllowAnonymous();

    static async Task<Ok<PublishersDto>> GetAsync(Guid originMemberId, FederationDb db, CancellationToken ct)
    {
        var ownNode = await Replication.HasOwnNodeAsync(db, originMemberId, ct);
        var networks = await db.Replicas.AsNoTracking()
            .Where(r => r.OriginMemberId == originMemberId && r.Body != null && r.ReceivedFrom != originMemberId)
            .Select(r => r.ReceivedFrom).Distinct().ToListAsync(ct);
        return TypedResults.Ok(new PublishersDto(originMemberId, ownNode, [.. networks.Order()]));
    }
}
