extern alias FederationService;
using System.Diagnostics;
using System.Text.Json;
using FederationService::Kommune20.Federation.Data;
using FederationService::Kommune20.Federation.Replicas;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Bench.InProcess;

/// <summary>
/// The federation sync's baseline: the rows a sync of practices leaves in the hub's database (a replica and its
/// outbox event per change, the feed cursor), inserted with one SaveChanges into the store the Federation service
/// uses: its FederationDb model on EF Core and SQLite in WAL mode, in a database file of its own.
/// </summary>
public sealed class ReplicaBulkInsert : IAsyncDisposable
{
    readonly FederationDb _db;

    ReplicaBulkInsert(FederationDb db) => _db = db;

    public static async Task<ReplicaBulkInsert> CreateAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var options = new DbContextOptionsBuilder<FederationDb>().UseSqlite($"Data Source={Path.Combine(folder, "federation.db")}").Options;
        var db = new FederationDb(options);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return new ReplicaBulkInsert(db);
    }

    /// <summary>Inserts the rows of <paramref name="practices"/> published by <paramref name="origin"/> and returns how long it took.</summary>
    public async Task<TimeSpan> InsertAsync(Guid origin, IReadOnlyList<(RecordOrigin Origin, PracticeRecord Practice)> practices, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        foreach (var (recordOrigin, practice) in practices)
        {
            _db.Replicas.Add(new Replica
            {
                OriginMemberId = origin,
                Kind = RecordKind.Practice,
                OriginId = recordOrigin.OriginId,
                Version = recordOrigin.Version,
                ChangedAt = recordOrigin.ChangedAt,
                Body = JsonSerializer.Serialize(practice, Json.Options),
                Title = practice.Title,
                Visibility = practice.Visibility,
                ReceivedFrom = origin,
                ReceivedAt = now,
            });
            ReplicaAnnouncements.Announce(_db, recordOrigin, RecordKind.Practice, practice, wasLive: false);
        }
        var head = practices.Max(practice => practice.Origin.Version);
        _db.Cursors.Add(new FeedCursor { SourceMemberId = origin, OriginMemberId = origin, AcknowledgedVersion = head, HeadVersion = head, UpdatedAt = now });
        await _db.SaveChangesAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        _db.ChangeTracker.Clear();
        return elapsed;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
