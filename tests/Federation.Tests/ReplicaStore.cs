using Kommune20.Federation.Data;
using Kommune20.Federation.Replicas;
using Kommune20.ServiceDefaults.Messaging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Tests;

/// <summary>The hub's database (SQLite in memory, the same schema the service creates) with the apply rules on top.</summary>
public sealed class ReplicaStore : IDisposable
{
    readonly SqliteConnection _connection = new("Data Source=:memory:");
    DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public ReplicaStore()
    {
        _connection.Open();
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public FederationDb Open() => new(new DbContextOptionsBuilder<FederationDb>().UseSqlite(_connection).Options);

    public async Task<BatchOutcome> PushAsync(PushedBatch batch)
    {
        await using var db = Open();
        var outcome = await Replication.StageBatchAsync(db, batch, Tick(), default);
        await db.SaveChangesAsync();
        return outcome;
    }

    public async Task<int> ReconcileAsync(Guid origin, long snapshotVersion, params (Replicas.RecordKind, string)[] present)
    {
        await using var db = Open();
        var startedAt = Tick();
        var withdrawn = await Replication.StageReconcileAsync(db, origin, origin, snapshotVersion, present.ToHashSet(), startedAt, Tick(), default);
        await db.SaveChangesAsync();
        return withdrawn;
    }

    /// <summary>The integration events staged in the outbox, by their short type name, in commit order.</summary>
    public async Task<List<string>> EventsAsync()
    {
        await using var db = Open();
        var types = await db.Set<OutboxMessage>().OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync();
        return types.Select(type => type.Split(',')[0].Split('.')[^1]).ToList();
    }

    DateTimeOffset Tick() => _now = _now.AddSeconds(1);

    public void Dispose() => _connection.Dispose();
}
