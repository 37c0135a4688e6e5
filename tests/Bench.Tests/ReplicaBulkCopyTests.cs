using Kommune20.Bench.InProcess;
using Kommune20.Bench.Workloads;
using Kommune20.Testing;
using LinqToDB.Data;

namespace Kommune20.Bench.Tests;

/// <summary>The federation sync's baseline lands the same rows the hub's replica writer leaves: live replicas the model reads back, an unsent event each, the cursor at the head.</summary>
public sealed class ReplicaBulkCopyTests
{
    [Fact]
    public async Task A_bulk_copy_on_sqlite_leaves_a_replica_and_an_event_per_change_and_the_cursor_at_the_head()
    {
        await using var bulk = await ReplicaBulkCopy.OnSqliteAsync(TestEnvironment.NewDataDirectory("bulk-copy"), CancellationToken.None);

        await AssertCopiesAsync(bulk);
        Assert.Equal(BulkCopyType.MultipleRows, bulk.Method);
    }

    [Fact]
    public async Task A_bulk_copy_on_postgres_leaves_a_replica_and_an_event_per_change_and_the_cursor_at_the_head()
    {
        var database = $"{TestEnvironment.Postgres};Database=bulk_copy_{Guid.NewGuid():N}";
        await using var bulk = await ReplicaBulkCopy.OnPostgresAsync(database, CancellationToken.None);

        await AssertCopiesAsync(bulk);
        Assert.Equal(BulkCopyType.ProviderSpecific, bulk.Method);
    }

    static async Task AssertCopiesAsync(ReplicaBulkCopy bulk)
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        var copied = await bulk.CopyAsync(first, GeneratedPractices.Publications(first, 0, 1_500), CancellationToken.None);
        var again = await bulk.CopyAsync(second, GeneratedPractices.Publications(second, 5_000, 300, firstVersion: 41), CancellationToken.None);

        Assert.Equal(new BulkCopied(copied.Elapsed, 1_500, 1_500, 1_500), copied);
        // Each copy counts only its own events: the earlier ones count as published.
        Assert.Equal(new BulkCopied(again.Elapsed, 300, 300, 340), again);
        Assert.True(copied.Elapsed > TimeSpan.Zero);
    }
}
