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
/// a rejected one is quarantined (at most <see cref="MaxQuarantinedPerFeed"/> per deliverer and origin) and reported; the
/// cursor moves past all of them. A caller without consent for the origin is refused whole and only counted, and so is
/// a relay once the origin's own node has delivered: from then on the member publishes through its node alone.
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

    /// <summary>
    /// How many rejected changes the hub keeps per deliverer and origin (open or settled); a further one drops the oldest,
    /// which is counted (<see cref="RefusalCount.QuarantineOverflow"/>). A buggy node cannot grow the hub's database.
    /// </summary>
    public const int MaxQuarantinedPerFeed = 1_000;

    /// <summary>
    /// How many origins a caller's consent refusals are counted under one by one; a caller naming ever new origins has
    /// the rest counted under <see cref="Guid.Empty"/>, so that it cannot grow the counts either.
    /// </summary>
    public const int MaxRefusedOriginsPerCaller = 100;

    public static async Task<BatchOutcome> StageBatchAsync(ReplicaUnit unit, PushedBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = unit.Db;
        if (!batch.Permitted)
            return await RefuseAsync(db, batch, RefusalCount.NoConsent, Refused, now, cancellationToken);
        if (batch.Source != batch.Origin && await HasOwnNodeAsync(db, batch.Origin, cancellationToken))
            return await RefuseAsync(db, batch, RefusalCount.OwnNode, OwnNodeDelivers, now, cancellationToken);
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
            (IncomingChange? read, Rejection? rejection) = change.Version > limit
                ? (null, TooFar(change, cursor.AcknowledgedVersion))
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

        if (rejections.Count > 0)
            await BoundQuarantineAsync(db, batch.Source, batch.Origin, now, cancellationToken);

        var within = batch.Changes.Where(change => change.Version <= limit).Select(change => change.Version).DefaultIfEmpty(0).Max();
        cursor.AcknowledgedVersion = Math.Max(cursor.AcknowledgedVersion, within);
        cursor.HeadVersion = Math.Max(Math.Max(cursor.HeadVersion, Math.Min(batch.HeadVersion, limit)), cursor.AcknowledgedVersion);
        cursor.UpdatedAt = now;
        return new BatchOutcome(cursor.AcknowledgedVersion, applied, skipped, rejections);
    }

    /// <summary>
    /// Ends a re-sync: withdraws every live replica the snapshot lacks (unless a change newer than the snapshot brought
    /// it, or, after a restore, newer than what the node lost), settles older quarantine entries, and sets the cursor to the
    /// snapshot. The origin's own node speaks for all of its records; a relay only for those it delivered itself, so its
    /// snapshot never withdraws what the origin or another relay delivered.
    /// </summary>
    public static async Task<int> StageReconcileAsync(ReplicaUnit unit, Guid source, Guid origin, Snapshot snapshot,
        DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = unit.Db;
        var snapshotVersion = snapshot.Version;
        var relayed = source != origin;
        if (relayed && await HasOwnNodeAsync(db, origin, cancellationToken))
            return 0;
        var live = await db.Replicas.Where(r => r.OriginMemberId == origin && r.Body != null && (!relayed || r.ReceivedFrom == source)).ToListAsync(cancellationToken);
        var withdrawn = 0;
        bool Lost(Replica r) => r.Version <= snapshotVersion || (r.ReceivedFrom == source && r.Version <= snapshot.LostUpTo);
        foreach (var replica in live.Where(r => !snapshot.Present.Contains((r.Kind, r.OriginId)) && Lost(r)))
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

    /// <summary>
    /// Whether the origin's own node has delivered for it (its cursor exists, committed or staged in this unit): a member
    /// that runs a node has taken its records over from any network, and no relay publishes for it any more. Checked
    /// in the single writer, so a relay's batch staged after the node's first one is refused, even in the same commit.
    /// </summary>
    public static async Task<bool> HasOwnNodeAsync(FederationDb db, Guid origin, CancellationToken cancellationToken) =>
        await db.Cursors.FindAsync([origin, origin], cancellationToken) is not null;

    /// <summary>
    /// Withdraws at the hub a record a relay delivered, as the origin's own act (its editor's, when no node of its own
    /// speaks for it; e.g. after the member withdrew its consent from the network). The tombstone counts as delivered by
    /// the origin, so no relay can change or revive it; the origin's own node may publish it again with a newer version.
    /// </summary>
    public static async Task<OriginWithdrawal> StageOriginWithdrawalAsync(ReplicaUnit unit, Guid origin, RecordKind kind, string originId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var replica = unit.Find(origin, kind, originId);
        if (replica is null && await unit.Db.Replicas.FindAsync([origin, kind, originId], cancellationToken) is { } stored)
        {
            unit.Loaded(stored);
            replica = stored;
        }
        if (replica is null || replica.IsWithdrawn)
            return OriginWithdrawal.NotFound;
        if (replica.RelayedBy is null)
            return OriginWithdrawal.OwnNodeRecord;
        replica.Body = null;
        replica.Version++;
        replica.ChangedAt = now;
        replica.ReceivedFrom = origin;
        replica.ReceivedAt = now;
        ReplicaAnnouncements.Announce(unit.Db, replica.Origin, kind, record: null, wasLive: true);
        return OriginWithdrawal.Withdrawn;
    }

    /// <summary>
    /// A batch refused whole (no consent, or the origin's own node has taken over): every change is refused and reported,
    /// but nothing of it is kept, not even a cursor; the refusal is counted per caller, origin and reason. The ack names
    /// the batch's last version, so the caller is not sent round again by its own pusher.
    /// </summary>
    static async Task<BatchOutcome> RefuseAsync(FederationDb db, PushedBatch batch, string reason, Func<Change, PushedBatch, Rejection> reject,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rejections = batch.Changes.Select(change => reject(change, batch)).ToList();
        await TallyAsync(db, batch.Source, batch.Origin, reason, rejections.Count, now, cancellationToken);
        var last = batch.Changes.Select(change => change.Version).DefaultIfEmpty(0).Max();
        return new BatchOutcome(last, 0, 0, rejections, reason);
    }

    static async Task TallyAsync(FederationDb db, Guid source, Guid origin, string reason, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (count == 0)
            return;
        var tally = await db.Refusals.FindAsync([source, origin, reason], cancellationToken);
        if (tally is null && origin != Guid.Empty)
        {
            var stored = await db.Refusals.CountAsync(r => r.SourceMemberId == source && r.Reason == reason, cancellationToken);
            var staged = db.ChangeTracker.Entries<RefusalCount>()
                .Count(entry => entry.State == EntityState.Added && entry.Entity.SourceMemberId == source && entry.Entity.Reason == reason);
            if (stored + staged >= MaxRefusedOriginsPerCaller)
            {
                await TallyAsync(db, source, Guid.Empty, reason, count, now, cancellationToken);
                return;
            }
        }
        if (tally is null)
        {
            tally = new RefusalCount { SourceMemberId = source, OriginMemberId = origin, Reason = reason, FirstAt = now };
            db.Refusals.Add(tally);
        }
        tally.Count += count;
        tally.LastAt = now;
    }

    /// <summary>Keeps at most <see cref="MaxQuarantinedPerFeed"/> rows of this deliverer and origin, dropping (and counting) the oldest.</summary>
    static async Task BoundQuarantineAsync(FederationDb db, Guid source, Guid origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.Entries<QuarantinedChange>()
            .Where(entry => entry.Entity.SourceMemberId == source && entry.Entity.OriginMemberId == origin).ToList();
        var staged = tracked.Where(entry => entry.State == EntityState.Added).Select(entry => entry.Entity).ToList();
        var removed = tracked.Count(entry => entry.State == EntityState.Deleted);
        var stored = await db.Quarantine.CountAsync(q => q.SourceMemberId == source && q.OriginMemberId == origin, cancellationToken);
        var excess = stored - removed + staged.Count - MaxQuarantinedPerFeed;
        if (excess <= 0)
            return;

        var oldest = await db.Quarantine.Where(q => q.SourceMemberId == source && q.OriginMemberId == origin)
            .OrderBy(q => q.Id).Take(excess + removed).ToListAsync(cancellationToken);
        var dropped = oldest.Where(q => db.Entry(q).State != EntityState.Deleted).Take(excess).ToList();
        db.Quarantine.RemoveRange(dropped);
        // Staged rows are the newest; only when the batch alone exceeds the bound do its first ones go too.
        foreach (var row in staged.Take(excess - dropped.Count))
            db.Entry(row).State = EntityState.Detached;
        await TallyAsync(db, source, origin, RefusalCount.QuarantineOverflow, excess, now, cancellationToken);
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

    static Rejection OwnNodeDelivers(Change change, PushedBatch batch) => ChangeReader.Reject(change, RejectionCode.PermissionDenied,
        $"Die Stadt veröffentlicht über ihren eigenen Knoten: das Mitglied {batch.Origin} hat seine Datensätze übernommen, "
        + $"das Netzwerk {batch.Source} darf für es nichts mehr veröffentlichen oder zurückziehen.");

    static Rejection OriginDelivered(Change change, PushedBatch batch) => ChangeReader.Reject(change, RejectionCode.PermissionDenied,
        $"Das Mitglied {batch.Origin} hat diesen Datensatz selbst geliefert oder zurückgezogen: das Relais {batch.Source} darf ihn weder ändern "
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
