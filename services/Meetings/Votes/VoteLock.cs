using Kommune20.Data;
using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// Keeps ballots and the close of their vote apart: casting (a group of ballots in the <see cref="BallotBox"/>) holds the vote shared, closing holds it exclusively, each
/// inside a transaction, so no ballot lands after the count. On PostgreSQL these are row locks. SQLite runs one write
/// transaction at a time anyway (its transactions begin IMMEDIATE); there a group of ballots or a close first waits for
/// the database's turn to write (<see cref="SqliteWriteTurn"/>), asynchronously and in order, because a transaction that
/// finds the database busy waits with its thread asleep, so hundreds of delegates casting at once each held a sleeping
/// thread of the pool and waited seconds (bench/findings/votes.md).
/// </summary>
public sealed class VoteLock
{
    public Task<HeldVote> HoldForBallotAsync(MeetingsDb db, Guid voteId, CancellationToken ct) =>
        HoldAsync(db, () => db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Votes\" WHERE \"Id\" = {voteId} FOR SHARE", ct), ct);

    public Task<HeldVote> HoldForCloseAsync(MeetingsDb db, Guid voteId, CancellationToken ct) =>
        HoldAsync(db, () => db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Votes\" WHERE \"Id\" = {voteId} FOR UPDATE", ct), ct);

    async Task<HeldVote> HoldAsync(MeetingsDb db, Func<Task> rowLock, CancellationToken ct)
    {
        var turn = SqliteWriteTurn.Of(db);
        if (turn is not null)
            await turn.WaitAsync(ct);
        IDbContextTransaction? transaction = null;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(ct);
            if (turn is null)
                await rowLock();
            return new HeldVote(transaction, turn);
        }
        catch
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
            turn?.Release();
            throw;
        }
    }
}

/// <summary>A vote held for a ballot or its close: the transaction to commit, and on SQLite the turn, given back when disposed.</summary>
public sealed class HeldVote(IDbContextTransaction transaction, SemaphoreSlim? turn) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        turn?.Release();
    }
}
