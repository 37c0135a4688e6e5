using Kommune20.CityNode.Data;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Federation;

/// <summary>One origin's change log as the pusher reads it, and where the hub's acks and rejections for it are kept.</summary>
public sealed class NodeChangeLog(IServiceScopeFactory scopes, ChangeLog.Gate gate, TimeProvider clock, Guid origin) : IChangeLog
{
    public Guid OriginMemberId => origin;

    public async Task<long> HeadVersionAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
        return await db.HeadVersionAsync(origin, cancellationToken);
    }

    public async Task<IReadOnlyList<Change>> ReadAfterAsync(long version, int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
        var entries = await db.ChangeLog.AsNoTracking().Where(entry => entry.OriginMemberId == origin && entry.Version > version)
            .OrderBy(entry => entry.Version).Take(max).ToListAsync(cancellationToken);
        return entries.Select(entry => ToChange(entry.Kind, entry.RecordId, entry.Version, entry.ChangedAt, entry.Body)).ToList();
    }

    public async Task<(long SnapshotVersion, IReadOnlyList<Change> Records)> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
        using (await gate.EnterAsync(cancellationToken))
        {
            var head = await db.HeadVersionAsync(origin, cancellationToken);
            var published = await db.Records.AsNoTracking().Where(r => r.OriginMemberId == origin && r.Status == RecordStatus.Published).ToListAsync(cancellationToken);
            return (head, published.OrderBy(r => r.Version).Select(r => ToChange(r.Kind, r.Id, r.Version, r.UpdatedAt, r.Body)).ToList());
        }
    }

    public async Task RecordAckAsync(long acknowledgedVersion, IReadOnlyList<Rejection> rejections, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
        var now = clock.GetUtcNow();
        var status = await db.FederationStatus.FindAsync([origin], cancellationToken) ?? db.FederationStatus.Add(new FederationStatus { OriginMemberId = origin }).Entity;
        status.AcknowledgedVersion = acknowledgedVersion;
        status.LastAcknowledgedAt = now;

        foreach (var rejection in rejections)
        {
            if (KindOf(rejection.Kind) is not { } kind)
                continue;
            var rejected = await db.RejectedChanges.FindAsync([origin, kind, rejection.OriginId], cancellationToken)
                ?? db.RejectedChanges.Add(new RejectedChange { OriginMemberId = origin, Kind = kind, RecordId = rejection.OriginId, Code = "", Reason = "" }).Entity;
            rejected.Version = rejection.Version;
            rejected.Code = RejectionCodes.Name(rejection.Code);
            rejected.Field = rejection.Field.Length == 0 ? null : rejection.Field;
            rejected.Reason = rejection.Reason;
            rejected.RejectedAt = now;
        }

        // A rejection is settled once a later version of the same record has been accepted.
        var open = await db.RejectedChanges.Where(r => r.OriginMemberId == origin).ToListAsync(cancellationToken);
        foreach (var rejected in open.Where(r => rejections.All(rejection => rejection.OriginId != r.RecordId || KindOf(rejection.Kind) != r.Kind)))
        {
            var record = await db.Records.FindAsync([origin, rejected.Kind, rejected.RecordId], cancellationToken);
            if (record is null || (record.Version > rejected.Version && record.Version <= acknowledgedVersion))
                db.RejectedChanges.Remove(rejected);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordRestoreAsync(long hubVersion, bool resynced, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
        var status = await db.FederationStatus.FindAsync([origin], cancellationToken) ?? db.FederationStatus.Add(new FederationStatus { OriginMemberId = origin }).Entity;
        if (resynced)
        {
            status.ResyncedAfterRestoreAt = clock.GetUtcNow();
        }
        else if (status.RestoreNoticedAt is null || status.ResyncedAfterRestoreAt is not null)
        {
            // A new restore (not the retry of a re-sync that failed): noticed now.
            (status.RestoreNoticedAt, status.HubVersionAtRestore, status.ResyncedAfterRestoreAt) = (clock.GetUtcNow(), hubVersion, null);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    static Change ToChange(RecordKind kind, string id, long version, DateTimeOffset changedAt, string? body) => body is null
        ? RecordMessages.Withdrawn(id, version, changedAt, kind)
        : RecordMessages.Published(id, version, changedAt, RecordBody.Read(RecordDescriptors.Of(kind), body));

    static RecordKind? KindOf(RecordKindCode code) => RecordDescriptors.OfKindCode((int)code)?.Kind;
}
