using Grpc.Core;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Data;
using Kommune20.Federation.Provenance;
using Kommune20.Federation.Replicas;
using Kommune20.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Grpc;

/// <summary>
/// The hub side of federation: city nodes (and relays) push their change logs, ask for their cursor and re-sync.
/// Who the caller is comes from its token (member_id, role city-node); every batch is checked for provenance. A stream
/// carries at most <see cref="PushLimits.MaxBatchesPerStream"/> batches, and a credential that floods is refused for a
/// while (<see cref="FloodGuard"/>); both end the call with RESOURCE_EXHAUSTED.
/// Each read takes a database context of its own for just that read: a push stream lives as long as its node stays
/// connected, and a context of the call's scope keeps its SQLite connection open that long (SqliteConnectionReuse).
/// 10,800 nodes reconnecting at once thus held 10,800 connections, their files and page caches, until Federation ran
/// out of file handles and died.
/// </summary>
public sealed class FederationGrpcService(ReplicaWriter writer, ProvenanceCheck provenance, FloodGuard guard, PushLimits limits,
    FederationMetrics metrics, IServiceScopeFactory scopes, TimeProvider clock) : Federation.FederationBase
{
    public override async Task Push(IAsyncStreamReader<ChangeBatch> requestStream, IServerStreamWriter<BatchAck> responseStream, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var cancellationToken = context.CancellationToken;
        guard.EnsureAllowed(caller);
        var batches = 0;
        await foreach (var batch in requestStream.ReadAllAsync(cancellationToken))
        {
            EnsureWithinStream(caller, ++batches);
            guard.EnsureAllowed(caller);
            var origin = OriginOf(batch.OriginMemberId, caller);
            if (batch.Changes.Count == 0)
            {
                guard.Count(caller, refused: 0);
                // Where to resume, answered at once: nothing to stage, so no turn in the writer's queue.
                await responseStream.WriteAsync(new BatchAck { OriginMemberId = origin.ToString(), AcknowledgedVersion = await AcknowledgedAsync(caller, origin, cancellationToken) }, cancellationToken);
                continue;
            }
            var permitted = await provenance.MayDeliverAsync(caller, origin, cancellationToken);
            var pushed = new PushedBatch(caller, origin, permitted, batch.HeadVersion, batch.Changes);
            var outcome = await writer.WriteAsync(pushed.Changes.Count, (unit, now, ct) => Replication.StageBatchAsync(unit, pushed, now, ct), cancellationToken);
            if (outcome.RefusedFor is { } reason)
                metrics.Refused(caller, origin, reason, outcome.Rejections.Count);
            guard.Count(caller, Refusals(outcome.Rejections));
            var ack = new BatchAck
            {
                OriginMemberId = origin.ToString(),
                AcknowledgedVersion = outcome.AcknowledgedVersion,
                Applied = outcome.Applied,
                Skipped = outcome.Skipped,
            };
            ack.Rejections.AddRange(outcome.Rejections);
            await responseStream.WriteAsync(ack, cancellationToken);
        }
    }

    public override async Task<Cursor> GetCursor(CursorRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        guard.EnsureAllowed(caller);
        var origin = OriginOf(request.OriginMemberId, caller);
        return new Cursor { OriginMemberId = origin.ToString(), AcknowledgedVersion = await AcknowledgedAsync(caller, origin, context.CancellationToken) };
    }

    public override async Task<QuarantineReply> GetQuarantine(CursorRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        guard.EnsureAllowed(caller);
        var origin = OriginOf(request.OriginMemberId, caller);
        var open = await ReadAsync(db => db.Quarantine.AsNoTracking().Where(q => q.OriginMemberId == origin && q.ResolvedAt == null).OrderBy(q => q.Id)
            .Take(Replication.MaxQuarantinedPerFeed).ToListAsync(context.CancellationToken));
        var reply = new QuarantineReply();
        reply.Rejections.AddRange(open.Select(q => new Rejection
        {
            Version = q.Version,
            OriginId = q.OriginId,
            Kind = q.Kind is { } kind ? (RecordKindCode)RecordDescriptors.Of(kind).KindCode : RecordKindCode.Unspecified,
            Code = q.Code == "permission-denied" ? RejectionCode.PermissionDenied : RejectionCode.InvalidArgument,
            Field = q.Field ?? "",
            Reason = q.Reason,
        }));
        return reply;
    }

    /// <summary>The cursor as committed now (not as this call's context first read it: a push stream asks more than once).</summary>
    Task<long> AcknowledgedAsync(Guid caller, Guid origin, CancellationToken cancellationToken) =>
        ReadAsync(db => db.Cursors.AsNoTracking()
            .Where(cursor => cursor.SourceMemberId == caller && cursor.OriginMemberId == origin)
            .Select(cursor => cursor.AcknowledgedVersion)
            .FirstOrDefaultAsync(cancellationToken));

    async Task<T> ReadAsync<T>(Func<FederationDb, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FederationDb>());
    }

    public override async Task<ResyncSummary> Resync(IAsyncStreamReader<ResyncChunk> requestStream, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var cancellationToken = context.CancellationToken;
        var startedAt = clock.GetUtcNow();
        Guid? origin = null;
        long snapshotVersion = 0;
        long lostUpTo = 0;
        var present = new HashSet<(RecordKind Kind, string OriginId)>();
        var summary = new ResyncSummary();
        guard.EnsureAllowed(caller);
        var chunks = 0;

        await foreach (var chunk in requestStream.ReadAllAsync(cancellationToken))
        {
            EnsureWithinStream(caller, ++chunks);
            guard.EnsureAllowed(caller);
            var chunkOrigin = OriginOf(chunk.OriginMemberId, caller);
            // Every chunk, not only the first: a consent withdrawn while a long re-sync runs ends it.
            await EnsureMayDeliverAsync(caller, chunkOrigin, cancellationToken);
            if (origin is null)
            {
                origin = chunkOrigin;
                snapshotVersion = chunk.SnapshotVersion;
                var acknowledged = await AcknowledgedAsync(caller, chunkOrigin, cancellationToken);
                if (snapshotVersion > acknowledged + Replication.MaxVersionLead)
                    throw new RpcException(new Status(StatusCode.InvalidArgument,
                        $"snapshot_version: {snapshotVersion} lies more than {Replication.MaxVersionLead} beyond the acknowledged {acknowledged}; push the log first"));
                // A restored node lost what it delivered up to the cursor it found; never more than the hub acknowledged from it.
                lostUpTo = Math.Min(chunk.AcknowledgedBeforeRestore, acknowledged);
            }
            else if (chunkOrigin != origin || chunk.SnapshotVersion != snapshotVersion)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "origin_member_id, snapshot_version: every chunk of a re-sync must name the same origin and snapshot"));
            }
            foreach (var record in chunk.Records)
            {
                if (ChangeReader.KindOf(record) is { } kind && record.RecordCase != Change.RecordOneofCase.Tombstone)
                    present.Add((kind.Kind, record.OriginId));
            }
            var pushed = new PushedBatch(caller, chunkOrigin, Permitted: true, snapshotVersion, chunk.Records, IsResync: true);
            var outcome = await writer.WriteAsync(pushed.Changes.Count, (unit, now, ct) => Replication.StageBatchAsync(unit, pushed, now, ct), cancellationToken);
            guard.Count(caller, Refusals(outcome.Rejections));
            summary.Applied += outcome.Applied;
            summary.Rejections.AddRange(outcome.Rejections);
        }

        if (origin is not { } resynced)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "records: a re-sync needs at least one chunk (it may be empty)"));
        await EnsureMayDeliverAsync(caller, resynced, cancellationToken);
        summary.Withdrawn = await writer.WriteAsync(present.Count, (unit, now, ct) =>
            Replication.StageReconcileAsync(unit, caller, resynced, new Snapshot(snapshotVersion, lostUpTo, present), startedAt, now, ct), cancellationToken);
        summary.OriginMemberId = resynced.ToString();
        summary.AcknowledgedVersion = snapshotVersion;
        return summary;
    }

    /// <summary>A stream that goes on forever would hold the call (and its share of the writer) for good: past the bound it ends.</summary>
    void EnsureWithinStream(Guid caller, int batches)
    {
        if (batches <= limits.MaxBatchesPerStream)
            return;
        metrics.Limited(caller, FederationMetrics.StreamBound);
        throw new RpcException(new Status(StatusCode.ResourceExhausted,
            $"Ein Stream trägt höchstens {limits.MaxBatchesPerStream} Stapel: bitte einen neuen öffnen und beim Stand des Hubs fortfahren."));
    }

    static int Refusals(IEnumerable<Rejection> rejections) => rejections.Count(rejection => rejection.Code == RejectionCode.PermissionDenied);

    /// <summary>A re-sync needs consent, and a relay's ends once the member's own node has taken over (see Replication.HasOwnNodeAsync).</summary>
    async Task EnsureMayDeliverAsync(Guid caller, Guid origin, CancellationToken cancellationToken)
    {
        if (!await provenance.MayDeliverAsync(caller, origin, cancellationToken))
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"origin_member_id: {caller} may not re-sync the records of {origin}"));
        if (caller != origin && await ReadAsync(db => Replication.HasOwnNodeAsync(db, origin, cancellationToken)))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"origin_member_id: Die Stadt veröffentlicht über ihren eigenen Knoten; {caller} darf die Datensätze von {origin} nicht mehr abgleichen."));
    }

    static Guid CallerOf(ServerCallContext context) =>
        context.GetHttpContext().User.GetMemberId()
        ?? throw new RpcException(new Status(StatusCode.PermissionDenied, "The token names no member (member_id)."));

    static Guid OriginOf(string originMemberId, Guid caller) =>
        originMemberId.Length == 0 ? caller
        : Guid.TryParse(originMemberId, out var origin) ? origin
        : throw new RpcException(new Status(StatusCode.InvalidArgument, $"origin_member_id: \"{originMemberId}\" is not a member id (UUID)"));
}
