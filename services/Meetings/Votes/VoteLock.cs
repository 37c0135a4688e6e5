using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// Keeps a ballot and the close of its vote apart: casting holds the vote shared, closing holds it exclusively, each
/// inside a transaction, so no ballot lands after the count. SQLite needs nothing more: its transactions begin
/// IMMEDIATE and so already run one at a time.
/// </summary>
public static class VoteLock
{
    public static Task HoldForBallotAsync(this MeetingsDb db, Guid voteId, CancellationToken ct) =>
        db.Database.IsNpgsql() ? db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Votes\" WHERE \"Id\" = {voteId} FOR SHARE", ct) : Task.CompletedTask;

    public static Task HoldForCloseAsync(this MeetingsDb db, Guid voteId, CancellationToken ct) =>
        db.Database.IsNpgsql() ? db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Votes\" WHERE \"Id\" = {voteId} FOR UPDATE", ct) : Task.CompletedTask;
}
