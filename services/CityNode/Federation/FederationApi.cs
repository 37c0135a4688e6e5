using Grpc.Core;
using Kommune20.CityNode.Data;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Federation;

/// <summary>The federation state of the request's origin for the editor (acknowledged version, lag, rejected changes) and the full re-sync.</summary>
public static class FederationApi
{
    public sealed record NodeFederationState(Guid MemberId, string? Name, long HeadVersion, long AcknowledgedVersion, long Lag,
        DateTimeOffset? LastAcknowledgedAt, string? LastError, IReadOnlyList<RejectedChangeDto> Rejected, RestoreDto? Restore);

    /// <summary>The node was restored from a backup: noticed when, the hub's version then, and when the re-sync was done (null while it runs).</summary>
    public sealed record RestoreDto(DateTimeOffset NoticedAt, long HubVersion, DateTimeOffset? ResyncedAt);

    public sealed record RejectedChangeDto(RecordKind Kind, string Id, long Version, string Code, string? Field, string Reason, DateTimeOffset RejectedAt);

    public sealed record ResyncResult(long AcknowledgedVersion, int Applied, int Withdrawn, int Rejected);

    public static RouteGroupBuilder MapFederationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/federation").WithTags("Federation").RequireAuthorization(EditorPolicy.Name);
        group.MapGet("/", GetAsync);
        group.MapPost("/resync", ResyncAsync);
        return group;
    }

    static async Task<Ok<NodeFederationState>> GetAsync(OriginMember origin, NodeDb db, NodeSettings settings, PushLoops loops, ChangePusher pusher,
        ILogger<NodeFederationState> logger, CancellationToken ct)
    {
        var head = await db.HeadVersionAsync(origin.MemberId, ct);
        var status = await db.FederationStatus.AsNoTracking().FirstOrDefaultAsync(s => s.OriginMemberId == origin.MemberId, ct);
        var rejected = (await db.RejectedChanges.AsNoTracking().Where(r => r.OriginMemberId == origin.MemberId).OrderBy(r => r.Version).ToListAsync(ct))
            .Select(r => new RejectedChangeDto(r.Kind, r.RecordId, r.Version, r.Code, r.Field, r.Reason, r.RejectedAt)).ToList();
        rejected.AddRange((await RefusedLaterAsync(pusher, origin.MemberId, logger, ct))
            .Where(hub => !rejected.Any(local => local.Kind == hub.Kind && local.Id == hub.Id && local.Version == hub.Version)));
        var acknowledged = status?.AcknowledgedVersion ?? 0;
        return TypedResults.Ok(new NodeFederationState(origin.MemberId, origin.MemberId == settings.MemberId ? settings.Name : null, head, acknowledged,
            Math.Max(0, head - acknowledged), status?.LastAcknowledgedAt, loops.LastError(origin.MemberId)?.Message, rejected,
            status is { RestoreNoticedAt: { } noticed } ? new RestoreDto(noticed, status.HubVersionAtRestore ?? 0, status.ResyncedAfterRestoreAt) : null));
    }

    /// <summary>
    /// The hub's quarantine of this city's records: besides what the acks reported, what a hub service refused afterwards
    /// (an update to a project the city does not take part in). Without the hub the page shows what the node knows.
    /// </summary>
    static async Task<IEnumerable<RejectedChangeDto>> RefusedLaterAsync(ChangePusher pusher, Guid memberId, ILogger logger, CancellationToken ct)
    {
        try
        {
            return (await pusher.QuarantineAsync(memberId, ct))
                .Where(r => RecordDescriptors.OfKindCode((int)r.Kind) is not null)
                .Select(r => new RejectedChangeDto(RecordDescriptors.OfKindCode((int)r.Kind)!.Kind, r.OriginId, r.Version,
                    RejectionCodes.Name(r.Code), r.Field.Length == 0 ? null : r.Field, r.Reason,
                    DateTimeOffset.UtcNow))
                .ToList();
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Could not ask the hub for this city's quarantine; showing the node's own rejections");
            return [];
        }
    }

    static async Task<Results<Ok<ResyncResult>, ProblemHttpResult>> ResyncAsync(OriginMember origin, ChangePusher pusher, PushLoops loops, CancellationToken ct)
    {
        try
        {
            var summary = await pusher.ResyncAsync(loops.LogOf(origin.MemberId), ct);
            return TypedResults.Ok(new ResyncResult(summary.AcknowledgedVersion, summary.Applied, summary.Withdrawn, summary.Rejections.Count));
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException)
        {
            return TypedResults.Problem(
                detail: exception is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : exception.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Der Hub ist für den Abgleich nicht erreichbar.");
        }
    }
}
