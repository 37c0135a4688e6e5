extern alias FederationService;
using System.Diagnostics;
using System.Text.Json;
using FederationService::Kommune20.Federation.Data;
using FederationService::Kommune20.Federation.Replicas;
using Kommune20.Contracts.Federation;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults;
using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Bench.InProcess;

/// <summary>
/// The federation sync's baseline: the rows a sync of practices leaves in the hub's database (a replica and its outbox
/// event per change, the feed cursor), bulk-copied in one transaction into a database of its own with the Federation
/// service's schema (its migrations, so the same tables and indexes) on either of its providers, through its EF Core model
/// with linq2db's BulkCopy: on PostgreSQL the binary COPY protocol, on SQLite (which has no bulk protocol) multi-row
/// INSERT statements with the values inline (its timestamps to the millisecond, as text in the columns EF Core writes).
/// </summary>
public sealed class ReplicaBulkCopy : IAsyncDisposable
{
    readonly FederationDb _db;

    ReplicaBulkCopy(FederationDb db, BulkCopyType copyType)
    {
        _db = db;
        Method = copyType;
    }

    /// <summary>How the rows are copied: <see cref="BulkCopyType.ProviderSpecific"/> (COPY) on PostgreSQL, <see cref="BulkCopyType.MultipleRows"/> on SQLite.</summary>
    public BulkCopyType Method { get; }

    /// <summary>A SQLite file (WAL, as the service runs it) in <paramref name="folder"/>.</summary>
    public static async Task<ReplicaBulkCopy> OnSqliteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var options = new DbContextOptionsBuilder<FederationDb>().UseSqlite($"Data Source={Path.Combine(folder, "federation.db")}").Options;
        var db = new FederationDb(options);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return new ReplicaBulkCopy(db, BulkCopyType.MultipleRows);
    }

    /// <summary>The PostgreSQL database <paramref name="connectionString"/> names, created (or emptied) and migrated.</summary>
    public static async Task<ReplicaBulkCopy> OnPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<PostgresFederationDb>().UseNpgsql(connectionString).Options;
        var db = new PostgresFederationDb(options);
        await db.Database.EnsureDeletedAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        return new ReplicaBulkCopy(db, BulkCopyType.ProviderSpecific);
    }

    /// <summary>
    /// Copies the rows of <paramref name="practices"/> published by <paramref name="origin"/>: the rows are made first
    /// (the practices serialized, their announcements staged as the hub's replica writer stages them), then only the copy
    /// and its commit are timed. Returns how long that took and what the database holds of the origin afterwards.
    /// </summary>
    public async Task<BulkCopied> CopyAsync(Guid origin, IReadOnlyList<(RecordOrigin Origin, PracticeRecord Practice)> practices, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var replicas = practices.Select(change => new Replica
        {
            OriginMemberId = origin,
            Kind = RecordKind.Practice,
            OriginId = change.Origin.OriginId,
            Version = change.Origin.Version,
            ChangedAt = change.Origin.ChangedAt,
            Body = JsonSerializer.Serialize(change.Practice, Json.Options),
            Title = change.Practice.Title,
            Visibility = change.Practice.Visibility,
            ReceivedFrom = origin,
            ReceivedAt = now,
        }).ToList();
        foreach (var (recordOrigin, practice) in practices)
            ReplicaAnnouncements.Announce(_db, recordOrigin, RecordKind.Practice, practice, wasLive: false);
        var events = _db.ChangeTracker.Entries<OutboxMessage>().Select(entry => entry.Entity).ToList();
        _db.ChangeTracker.Clear();
        var head = practices.Max(change => change.Origin.Version);
        FeedCursor[] cursor = [new() { SourceMemberId = origin, OriginMemberId = origin, AcknowledgedVersion = head, HeadVersion = head, UpdatedAt = now }];
        var copy = new BulkCopyOptions { BulkCopyType = Method };

        var started = Stopwatch.GetTimestamp();
        await using (var transaction = await _db.Database.BeginTransactionAsync(cancellationToken))
        {
            await _db.BulkCopyAsync(copy, replicas, cancellationToken);
            await _db.BulkCopyAsync(copy, events, cancellationToken);
            await _db.BulkCopyAsync(copy, cursor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);

        var copiedReplicas = await _db.Replicas.CountAsync(replica => replica.OriginMemberId == origin && replica.Body != null, cancellationToken);
        var copiedEvents = await _db.Set<OutboxMessage>().CountAsync(message => message.SentAt == null, cancellationToken);
        var acknowledged = await _db.Cursors.Where(c => c.OriginMemberId == origin).Select(c => (long?)c.AcknowledgedVersion).SingleOrDefaultAsync(cancellationToken);
        // The next copy counts its own unsent events: these are marked sent, as the hub's outbox would publish them.
        await _db.Set<OutboxMessage>().Where(message => message.SentAt == null).ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, now), cancellationToken);
        return new BulkCopied(elapsed, copiedReplicas, copiedEvents, acknowledged ?? 0);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}

/// <summary>One bulk copy: how long the copy and its commit took; the origin's live replicas, the unsent events and the cursor's acknowledged version after it.</summary>
public sealed record BulkCopied(TimeSpan Elapsed, int Replicas, int Events, long Acknowledged);
