using System.Text.Json;
using Google.Protobuf;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Data;
using Kommune20.Federation.Grpc;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// The hub's apply rules, staged into a <see cref="ReplicaUnit"/> for the caller's SaveChanges: a change newer than
/// the replica replaces it and announces an event; one that is not newer is skipped (so applying twice changes nothing);
/// a refused one is quarantined and reported; the cursor moves past all of them.
/// </summary>
public static class Replication
{
    public static async Task<BatchOutcome> StageBatchAsync(ReplicaUnit unit, PushedBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = unit.Db;
        var cursor = await CursorAsync(db, batch.Source, batch.Origin, cancellationToken);
        var rejections = new List<Rejection>();
        var incoming = new List<IncomingChange>();
        var skipped = 0;
        foreach (var change in batch.Changes)
        {
            if (!batch.IsResync && change.Version <= cursor.AcknowledgedVersion)
            {
                skipped++;
                continue;
            }
            var (read, rejection) = batch.Permitted ? ChangeReader.Read(change) : (null, Refused(change, batch));
            if (rejection is not null)
            {
                rejections.Add(rejection);
                Quarantine(db, batch, change, rejection, now);
            }
            else
            {
                incoming.Add(read!);
            }
        }

        var applied = 0;
        if (incoming.Count > 0)
        {
            await LoadReplicasAsync(unit, batch.Origin, incoming, cancellationToken);
            var open = await db.Quarantine.Where(q => q.OriginMemberId == batch.Origin && q.ResolvedAt == null).ToListAsync(cancellationToken);
            foreach (var change in incoming)
            {
                if (Apply(unit, batch, change, now))
                {
                    applied++;
                    foreach (var superseded in open.Where(q => q.Kind == change.Kind && q.OriginId == change.OriginId && q.Version < change.Version))
                        superseded.ResolvedAt = now;
                }
                else
                {
                    skipped++;
                }
            }
        }

        if (batch.Changes.Count > 0)
            cursor.AcknowledgedVersion = Math.Max(cursor.AcknowledgedVersion, batch.Changes.Max(change => change.Version));
        cursor.HeadVersion = Math.Max(Math.Max(cursor.HeadVersion, batch.HeadVersion), cursor.AcknowledgedVersion);
        cursor.UpdatedAt = now;
        return new BatchOutcome(cursor.AcknowledgedVersion, applied, skipped, rejections);
    }

    /// <summary>
    /// Ends a re-sync: withdraws every live replica of the origin that the snapshot lacks (unless a change newer than
    /// the snapshot brought it), settles older quarantine entries, and sets the cursor to the snapshot.
    /// </summary>
    public static async Task<int> StageReconcileAsync(ReplicaUnit unit, Guid source, Guid origin, long snapshotVersion,
        IReadOnlySet<(RecordKind Kind, string OriginId)> present, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = unit.Db;
        var live = await db.Replicas.Where(r => r.OriginMemberId == origin && r.Body != null).ToListAsync(cancellationToken);
        var withdrawn = 0;
        foreach (var replica in live.Where(r => !present.Contains((r.Kind, r.OriginId)) && r.Version <= snapshotVersion))
        {
            replica.Body = null;
            replica.Version = snapshotVersion;
            replica.ChangedAt = now;
            replica.ReceivedFrom = source;
            replica.ReceivedAt = now;
            ReplicaAnnouncements.Announce(db, replica.Origin, replica.Kind, record: null, wasLive: true);
            withdrawn++;
        }

        var open = await db.Quarantine.Where(q => q.OriginMemberId == origin && q.ResolvedAt == null).ToListAsync(cancellationToken);
        foreach (var superseded in open.Where(q => q.ReceivedAt < startedAt))
            superseded.ResolvedAt = now;

        // The snapshot is the truth: the cursor goes to it even if it was further (a restored node numbers again from
        // there). A push that raced the re-sync is sent again, and skipped as known.
        var cursor = await CursorAsync(db, source, origin, cancellationToken);
        cursor.AcknowledgedVersion = snapshotVersion;
        cursor.HeadVersion = snapshotVersion;
        cursor.UpdatedAt = now;
        return withdrawn;
    }

    static bool Apply(ReplicaUnit unit, PushedBatch batch, IncomingChange change, DateTimeOffset now)
    {
        var replica = unit.Find(batch.Origin, change.Kind, change.OriginId);
        if (replica is not null && !Supersedes(change, replica, batch))
            return false;

        var wasLive = replica is { IsWithdrawn: false };
        if (replica is null)
        {
            replica = new Replica { OriginMemberId = batch.Origin, Kind = change.Kind, OriginId = change.OriginId };
            unit.Add(replica);
        }
        replica.Version = change.Version;
        replica.ChangedAt = change.ChangedAt;
        replica.ReceivedFrom = batch.Source;
        replica.ReceivedAt = now;
        if (change.Record is { } record)
        {
            replica.Body = JsonSerializer.Serialize(record, record.GetType(), Json.Options);
            var kind = RecordDescriptors.Of(change.Kind);
            replica.Title = kind.TitleOf(record);
            replica.Visibility = kind.VisibilityOf(record);
        }
        else
        {
            replica.Body = null;
        }
        ReplicaAnnouncements.Announce(unit.Db, replica.Origin, change.Kind, change.Record, wasLive);
        return true;
    }

    /// <summary>
    /// A pushed change replaces a replica only when it is newer. A re-sync states what the node has now, so it also
    /// replaces a replica with a version the node no longer knows (a node restored from a backup), unless that replica
    /// is newer than the snapshot: then a push that raced the re-sync brought it, and it stays.
    /// </summary>
    static bool Supersedes(IncomingChange change, Replica replica, PushedBatch batch) =>
        change.Version > replica.Version
        || (batch.IsResync && change.Version < replica.Version && replica.Version <= batch.HeadVersion);

    /// <summary>Brings the origin's replicas for these changes into the unit, reading only those it has not staged yet.</summary>
    static async Task LoadReplicasAsync(ReplicaUnit unit, Guid origin, IEnumerable<IncomingChange> changes, CancellationToken cancellationToken)
    {
        var ids = changes.Where(change => unit.Find(origin, change.Kind, change.OriginId) is null).Select(change => change.OriginId).Distinct().ToList();
        if (ids.Count == 0)
            return;
        foreach (var stored in await unit.Db.Replicas.Where(r => r.OriginMemberId == origin && ids.Contains(r.OriginId)).ToListAsync(cancellationToken))
            unit.Loaded(stored);
    }

    static async Task<FeedCursor> CursorAsync(FederationDb db, Guid source, Guid origin, CancellationToken cancellationToken)
    {
        var cursor = await db.Cursors.FindAsync([source, origin], cancellationToken);
        if (cursor is null)
        {
            cursor = new FeedCursor { SourceMemberId = source, OriginMemberId = origin };
            db.Cursors.Add(cursor);
        }
        return cursor;
    }

    static Rejection Refused(Change change, PushedBatch batch) => new()
    {
        Version = change.Version,
        OriginId = change.OriginId,
        Kind = ChangeReader.CodeOf(change),
        Code = RejectionCode.PermissionDenied,
        Reason = $"Das Mitglied {batch.Source} darf keine Datensätze von {batch.Origin} veröffentlichen oder zurückziehen: "
                 + "es ist nicht der Ursprung, und das Register erlaubt ihm kein Weiterleiten (Relais) für dieses Mitglied.",
    };

    static void Quarantine(FederationDb db, PushedBatch batch, Change change, Rejection rejection, DateTimeOffset now) =>
        db.Quarantine.Add(new QuarantinedChange
        {
            SourceMemberId = batch.Source,
            OriginMemberId = batch.Origin,
            Kind = RecordDescriptors.OfKindCode((int)rejection.Kind)?.Kind,
            OriginId = change.OriginId.Length <= RecordRules.MaxOriginIdLength ? change.OriginId : change.OriginId[..RecordRules.MaxOriginIdLength],
            Version = change.Version,
            Code = rejection.Code == RejectionCode.PermissionDenied ? "permission-denied" : "invalid-argument",
            Field = rejection.Field.Length == 0 ? null : rejection.Field,
            Reason = rejection.Reason,
            Payload = JsonFormatter.Default.Format(change),
            ReceivedAt = now,
        });
}
