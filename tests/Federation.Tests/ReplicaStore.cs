using Kommune20.Contracts.Federation;
using Kommune20.Federation.Data;
using Kommune20.Federation.Replicas;
using Kommune20.Messaging;
using Kommune20.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Tests;

/// <summary>
/// The hub's database with the apply rules on top: SQLite in memory by default, or a fresh database on the run's
/// PostgreSQL (the scale-out storage); the same schema the service creates.
/// </summary>
public sealed class ReplicaStore : IDisposable
{
    readonly SqliteConnection? _sqlite;
    readonly DbContextOptions<FederationDb> _options;
    DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    ReplicaStore(DbContextOptions<FederationDb> options, SqliteConnection? sqlite)
    {
        _options = options;
        _sqlite = sqlite;
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public static ReplicaStore InMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return new ReplicaStore(new DbContextOptionsBuilder<FederationDb>().UseSqlite(connection).Options, connection);
    }

    public static ReplicaStore OnPostgres() => new(
        new DbContextOptionsBuilder<FederationDb>().UseNpgsql($"{TestEnvironment.Postgres};Database=federation_{Guid.NewGuid():N}").Options, null);

    public FederationDb Open() => new(_options);

    public async Task<BatchOutcome> PushAsync(PushedBatch batch) => (await PushInOneCommitAsync(batch))[0];

    /// <summary>Stages the batches in one unit of work and commits them together, as the writer's group commit does.</summary>
    public async Task<List<BatchOutcome>> PushInOneCommitAsync(params PushedBatch[] batches)
    {
        await using var db = Open();
        var unit = new ReplicaUnit(db);
        var now = Tick();
        var outcomes = new List<BatchOutcome>();
        foreach (var batch in batches)
            outcomes.Add(await Replication.StageBatchAsync(unit, batch, now, default));
        await db.SaveChangesAsync();
        return outcomes;
    }

    public Task<int> ReconcileAsync(Guid origin, long snapshotVersion, params (RecordKind, string)[] present) =>
        ReconcileAsync(origin, origin, new Snapshot(snapshotVersion, 0, present.ToHashSet()));

    public Task<int> ReconcileAsync(Guid source, Guid origin, long snapshotVersion, params (RecordKind, string)[] present) =>
        ReconcileAsync(source, origin, new Snapshot(snapshotVersion, 0, present.ToHashSet()));

    /// <summary>Ends a re-sync that <paramref name="source"/> (the origin itself or a relay) delivered.</summary>
    public async Task<int> ReconcileAsync(Guid source, Guid origin, Snapshot snapshot)
    {
        await using var db = Open();
        var startedAt = Tick();
        var withdrawn = await Replication.StageReconcileAsync(new ReplicaUnit(db), source, origin, snapshot, startedAt, Tick(), default);
        await db.SaveChangesAsync();
        return withdrawn;
    }

    /// <summary>The origin's editor withdraws a practice at the hub.</summary>
    public async Task<OriginWithdrawal> WithdrawAtHubAsync(Guid origin, string originId)
    {
        await using var db = Open();
        var outcome = await Replication.StageOriginWithdrawalAsync(new ReplicaUnit(db), origin, RecordKind.Practice, originId, Tick(), default);
        await db.SaveChangesAsync();
        return outcome;
    }

    /// <summary>The integration events staged in the outbox, by their short type name, in commit order.</summary>
    public async Task<List<string>> EventsAsync()
    {
        await using var db = Open();
        var types = await db.Set<OutboxMessage>().OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync();
        return types.Select(type => type.Split(',')[0].Split('.')[^1]).ToList();
    }

    DateTimeOffset Tick() => _now = _now.AddSeconds(1);

    public void Dispose()
    {
        if (_sqlite is null)
        {
            using var db = Open();
            db.Database.EnsureDeleted();
        }
        _sqlite?.Dispose();
    }
}
