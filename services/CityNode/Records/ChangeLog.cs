using Kommune20.CityNode.Data;
using Kommune20.CityNode.Federation;
using Kommune20.Contracts.Federation;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Records;

/// <summary>
/// Every write of a city record goes through here: a publication or a withdrawal appends the next version to the
/// change log of the record's origin in the same SaveChanges as the record, then wakes that origin's pusher. Drafts are
/// kept without a log entry. Writes are serialised in the process (<see cref="Gate"/>), so each origin's versions rise
/// by one without gaps; a node runs as one process over its own database.
/// </summary>
public sealed class ChangeLog(NodeDb db, ChangeLog.Gate gate, PushLoops pushLoops, TimeProvider clock)
{
    /// <summary>The node's single-writer lock, shared by every request scope.</summary>
    public sealed class Gate
    {
        readonly SemaphoreSlim _lock = new(1, 1);

        public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
        {
            await _lock.WaitAsync(cancellationToken);
            return new Release(_lock);
        }

        sealed class Release(SemaphoreSlim held) : IDisposable
        {
            public void Dispose() => held.Release();
        }
    }

    /// <summary>Creates or changes a record. <paramref name="body"/> null keeps the stored body (publishing a draft, withdrawing).</summary>
    public async Task<CityRecord> WriteAsync(Guid origin, RecordKind kind, string id, RecordStatus status, string? body, CancellationToken cancellationToken)
    {
        CityRecord record;
        using (await gate.EnterAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            record = await db.Records.FindAsync([origin, kind, id], cancellationToken)
                ?? db.Records.Add(new CityRecord { OriginMemberId = origin, Kind = kind, Id = id, Body = body ?? throw new ArgumentNullException(nameof(body)) }).Entity;
            record.Body = body ?? record.Body;
            record.Status = status;
            record.UpdatedAt = now;
            if (status != RecordStatus.Draft)
            {
                var version = await db.HeadVersionAsync(origin, cancellationToken) + 1;
                db.ChangeLog.Add(new ChangeLogEntry
                {
                    OriginMemberId = origin,
                    Version = version,
                    Kind = kind,
                    RecordId = id,
                    ChangedAt = now,
                    Body = status == RecordStatus.Published ? record.Body : null,
                });
                record.Version = version;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (status != RecordStatus.Draft)
            pushLoops.Wake(origin);
        return record;
    }

    /// <summary>Keeps a new draft; null when a record with this id exists already, which a delivery never overwrites.</summary>
    public async Task<CityRecord?> AddDraftAsync(Guid origin, RecordKind kind, string id, string body, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            if (await db.Records.FindAsync([origin, kind, id], cancellationToken) is not null)
                return null;
            var draft = db.Records.Add(new CityRecord { OriginMemberId = origin, Kind = kind, Id = id, Body = body, Status = RecordStatus.Draft, UpdatedAt = clock.GetUtcNow() }).Entity;
            await db.SaveChangesAsync(cancellationToken);
            return draft;
        }
    }

    /// <summary>Removes a draft that was never published (published records are withdrawn instead, and stay in the log).</summary>
    public async Task DiscardDraftAsync(CityRecord draft, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            db.Records.Remove(draft);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
