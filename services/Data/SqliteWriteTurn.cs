using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data;

/// <summary>
/// The turn to write to a SQLite database, one writer at a time per database in this process, waited for
/// asynchronously. SQLite runs one write transaction at a time anyway, but writers that meet inside SQLite wait in its
/// busy handler, which sleeps in growing steps of up to 100 ms and is not woken when the lock comes free: under load the
/// lock stood idle while its waiters slept: a third of the library's thread time in the freshness benchmark, its
/// consumers asleep in BEGIN IMMEDIATE (bench/findings/freshness.md; that benchmark's rate is bounded by one commit per
/// update, which the turn does not change). A turn handed on here passes the moment the last writer is done. Other processes on the same file (a second instance in the tests)
/// still meet in SQLite's busy handler (<see cref="SqliteBusyWait"/>).
/// </summary>
public static class SqliteWriteTurn
{
    /// <summary>
    /// A save that waited this long is let through without its turn and waits in SQLite instead, as before: a save that
    /// needs another's turn (one context's transaction held open while another context saves) must not hang.
    /// </summary>
    static readonly TimeSpan WaitAtMost = TimeSpan.FromMilliseconds(SqliteBusyWait.TimeoutMilliseconds);

    static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>The turn of <paramref name="db"/>'s database, or null on PostgreSQL, which has no such lock.</summary>
    public static SemaphoreSlim? Of(DbContext db) =>
        db.Database.IsSqlite() ? Turns.GetOrAdd(db.Database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1)) : null;

    /// <summary>
    /// Waits for the turn to save <paramref name="db"/>'s changes and returns it, to be released after the save; null when
    /// there is none to take: not SQLite, nothing to save, or inside a transaction of the caller's, which holds the lock.
    /// </summary>
    public static async ValueTask<SemaphoreSlim?> ForSaveAsync(DbContext db, CancellationToken cancellationToken) =>
        TurnForSave(db) is { } turn && await turn.WaitAsync(WaitAtMost, cancellationToken) ? turn : null;

    /// <inheritdoc cref="ForSaveAsync"/>
    public static SemaphoreSlim? ForSave(DbContext db) => TurnForSave(db) is { } turn && turn.Wait(WaitAtMost) ? turn : null;

    static SemaphoreSlim? TurnForSave(DbContext db) =>
        db.Database.CurrentTransaction is null && Of(db) is { } turn && db.ChangeTracker.HasChanges() ? turn : null;
}
