using Kommune20.Federation.Data;
using Kommune20.Federation.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data.Tests;

/// <summary>
/// Saves to a SQLite database wait their turn in the process, so the write lock passes on as soon as it is free instead
/// of to whichever waiter wakes first in SQLite's busy handler.
/// </summary>
public sealed class SqliteWriteTurnTests : IDisposable
{
    readonly FederationDatabaseHost _database = new();

    [Fact]
    public async Task A_save_waits_for_the_turn_and_goes_ahead_once_it_is_given_back()
    {
        var (db, writer) = await TwoContextsAsync();
        var turn = SqliteWriteTurn.Of(db)!;
        await turn.WaitAsync();
        writer.Cursors.Add(Cursor());

        var save = writer.SaveChangesAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var waited = !save.IsCompleted;
        turn.Release();

        Assert.True(waited, "the save went ahead while another writer held the turn");
        Assert.Equal(1, await save);
        Assert.Equal(1, await db.Cursors.CountAsync());
    }

    [Fact]
    public async Task Inside_the_callers_transaction_and_with_nothing_to_save_no_turn_is_waited_for()
    {
        var (db, writer) = await TwoContextsAsync();
        var turn = SqliteWriteTurn.Of(db)!;
        await turn.WaitAsync();
        try
        {
            // The transaction holds SQLite's lock itself; waiting for the turn as well could only hold it up.
            await using (var transaction = await writer.Database.BeginTransactionAsync())
            {
                writer.Cursors.Add(Cursor());
                Assert.Equal(1, await writer.SaveChangesAsync());
                await transaction.CommitAsync();
            }
            Assert.Equal(0, await writer.SaveChangesAsync());
        }
        finally
        {
            turn.Release();
        }
        Assert.Equal(1, await db.Cursors.CountAsync());
    }

    async Task<(FederationDb Db, FederationDb Writer)> TwoContextsAsync()
    {
        var db = _database.NewContext();
        var writer = _database.NewContext();
        await db.Database.MigrateAsync();
        return (db, writer);
    }

    static FeedCursor Cursor() => new() { SourceMemberId = Guid.NewGuid(), OriginMemberId = Guid.NewGuid(), UpdatedAt = DateTimeOffset.UtcNow };

    public void Dispose() => _database.Dispose();
}
