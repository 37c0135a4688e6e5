using Kommune20.Federation.Grpc;
using Kommune20.Federation.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Tests;

/// <summary>The scale-out storage: the same apply rules on PostgreSQL (the run's throwaway cluster) instead of SQLite.</summary>
public sealed class PostgresTests
{
    [Fact]
    public async Task Replicas_cursors_quarantine_and_events_work_the_same_on_PostgreSQL()
    {
        using var store = ReplicaStore.OnPostgres();
        var batch = new PushedBatch(Samples.Heidelberg, Samples.Heidelberg, true, 3,
            [Samples.PracticeChange("digitallotsen", 1), Samples.PracticeChange("kaputt", 2, p => p.Title = ""), Samples.PracticeChange("digitallotsen", 3, p => p.Title = "Digitallotsen")]);

        var first = await store.PushAsync(batch);
        var again = await store.PushAsync(batch);
        var withdrawn = await store.ReconcileAsync(Samples.Heidelberg, snapshotVersion: 4);

        Assert.Equal((2, 1, 3L), (first.Applied, first.Rejections.Count, first.AcknowledgedVersion));
        Assert.Equal(RejectionCode.InvalidArgument, first.Rejections[0].Code);
        Assert.Equal((0, 3), (again.Applied, again.Skipped));
        Assert.Equal(1, withdrawn);
        Assert.Equal(["PracticePublished", "PracticeUpdated", "PracticeWithdrawn"], await store.EventsAsync());
        await using var db = store.Open();
        var replica = await db.Replicas.SingleAsync();
        Assert.Equal((4L, true), (replica.Version, replica.IsWithdrawn));
        Assert.Equal(4, (await db.Cursors.SingleAsync()).AcknowledgedVersion);
    }
}
