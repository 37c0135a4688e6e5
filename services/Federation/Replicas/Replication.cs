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
    /// <summary>
    /// How far a version may lie beyond what the hub has acknowledged from the same deliverer for the same origin. A
    /// node's log has no gaps and is pushed from the cursor on, so an honest batch stays within its own size of the
    /// cursor; a re-sync's snapshot after the hub lost its data within this lead. A version further out (up to
    /// long.MaxValue) would freeze the record against the city's own later changes: it is refused, and the cursor
    /// does not move to it.
    /// </summary>
    public const long MaxVersionLead = 10_000;

    public static async Task<BatchOutcome> StageBatchAsync(ReplicaUnit unit, PushedBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = unit.Db;
        var cursor = await CursorAsync(db, batch.Source, batch.Origin, cancellationToken);
        var limit = cursor.AcknowledgedVersion + MaxVersionLead;
        var rejections = new List<Rejection>();
        var incoming = new List<(Change Message, IncomingChange Change)>();
        var skipped = 0;
        foreach (var change in batch.Changes)
        {
            if (!batch.IsResync && change.Version <= cursor.AcknowledgedVersion)
            {
                skipped++;
                continue;
            }
            (IncomingChange? read, Rejection? rejection) = !batch.Permitted ? (null, Refused(change, batch))
                : change.Version > limit ? (null, TooFar(change, cursor.AcknowledgedVersion))
                : ChangeReader.Read(change);
            if (rejection is not null)
            {
                rejections.Add(rejection);
                Quarantine(db, batch, change, rejection, now);
            }
            else
            {
                incoming.Add((change, read!));
            }
        }

        var applied = 0;
        if (incoming.Count > 0)
        {
            await LoadReplicasAsync(unit, batch.Origin, incoming.Select(item => item.Change), cancellationToken);
            var open = await db.Quarantine.Where(q => q.OriginMemberId == batch.Origin && q.ResolvedAt == null).ToListAsync(cancellationToken);
            foreach (var (message, change) in incoming)
            {
                switch (Judge(change, unit.Find(batch.Origin, change.Kind, change.OriginId), batch))
                {
                    case Verdict.Apply:
                        Apply(unit, batch, change, now);
                        applied++;
                        foreach (var superseded in open.Where(q => q.Kind == change.Kind && q.OriginId == change.OriginId && q.Version < change.Version))
                            superseded.ResolvedAt = now;
                        break;
                    case Verdict.Refuse:
                        var rejection = OriginDelivered(message, batch);
                        rejections.Add(rejection);
                        Quarantine(db, batch, message, rejection, now);
                        break;
                    default:
                        skipped++;
                        break;
                }
            }
        }

        var within = batch.Changes.Where(change => change.Version <= limit).Select(change => change.Version).DefaultIfEmpty(0).Max();
        cursor.AcknowledgedVersion = Math.Max(cursor.AcknowledgedVersion, within);
        cursor.HeadVersion = Math.Max(Math.Max(cursor.HeadVersion, Math.Min(batch.HeadVersion, limit)), cursor.AcknowledgedVersion);
        cursor.UpdatedAt = now;
        return new BatchOutcome(cursor.AcknowledgedVersion, applied, skipped, rejections);
    }

    /// <summary>
    /// Ends a re-sync: withdraws every live replica the snapshot lacks (unless a change newer than the snapshot brought
    /// it), settles older quarantine entries, and sets the cursor to the snapshot. The origin's own node speaks for all
    /// of its records; a relay only for those it delivered itself, so its snapshot never withdraws what the origin or
    /// another relay delivered.
    /// </summary>
    public static async Task<int> StageReconcileAsync(ReplicaUnit unit, Guid source, Guid origin, long snapshotVersion,
        IReadOnlySet<(RecordKind Kind, string OriginId)> present, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = unit.Db;
        var relayed = source != origin;
        var live = await db.Replicas.Where(r => r.OriginMemberId == origin && r.Body != null && (!relayed || r.ReceivedFrom == source)).ToListAsync(cancellationToken);
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

        var open = await db.Quarantine.Where(q => q.OriginMemberId == origin && q.ResolvedAt == null && (!relayed || q.SourceMemberId == source))
            .ToListAsync(cancellationToken);
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

    enum Verdict { Apply, Skip, Refuse }

    /// <summary>
    /// The origin always wins. Its own node replaces what a relay delivered, whatever the versions (a relay cannot
    /// freeze a record by inventing a high version); a relay never changes or withdraws what the origin delivered
    /// itself (refused, where the version alone would have applied it). Otherwise the newer version wins.
    /// </summary>
    static Verdict Judge(IncomingChange change, Replica? replica, PushedBatch batch)
    {
        if (replica is null)
            return Verdict.Apply;
        var fromOrigin = batch.Source == batch.Origin;
        if (fromOrigin && replica.ReceivedFrom != batch.Origin)
            return Verdict.Apply;
        if (!Supersedes(change, replica, batch))
            return Verdict.Skip;
        return !fromOrigin && replica.ReceivedFrom == batch.Origin ? Verdict.Refuse : Verdict.Apply;
    }

    static void Apply(ReplicaUnit unit, PushedBatch batch, IncomingChange change, DateTimeOffset now)
    {
        var replica = unit.Find(batch.Origin, change.Kind, change.OriginId);
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

    static Rejection Refused(Change change, PushedBatch batch) => ChangeReader.Reject(change, RejectionCode.PermissionDenied,
        $"Das Mitglied {batch.Source} darf keine Datensätze von {batch.Origin} veröffentlichen oder zurückziehen: "
        + "es ist nicht der Ursprung, und das Register erlaubt ihm kein Weiterleiten (Relais) für dieses Mitglied.");

    static Rejection OriginDelivered(Change change, PushedBatch batch) => ChangeReader.Reject(change, RejectionCode.PermissionDenied,
        $"Das Mitglied {batch.Origin} hat diesen Datensatz selbst geliefert: das Relais {batch.Source} darf ihn weder ändern "
        + "noch zurückziehen. Der Ursprung gewinnt immer.");

    static Rejection TooFar(Change change, long acknowledged) => ChangeReader.Reject(change, RejectionCode.InvalidArgument,
        $"Die Version {change.Version} liegt mehr als {MaxVersionLead} über der zuletzt bestätigten ({acknowledged}) dieses Absenders "
        + "für diesen Ursprung; so weit kann das Änderungsprotokoll nicht gewachsen sein.", "version");

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
