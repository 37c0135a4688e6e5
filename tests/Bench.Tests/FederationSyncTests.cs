using Kommune20.Bench.InProcess;
using Kommune20.Bench.Scenarios;

namespace Kommune20.Bench.Tests;

public sealed class FederationSyncTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void No_two_logs_of_the_scenario_share_a_practice_on_either_database(int rounds)
    {
        const int warmup = 200;
        // Each round's log, and the warm-up city's (round = rounds) with its warm-up changes before its measured ones.
        var logs = Enumerable.Range(0, 2).SelectMany(database => Enumerable.Range(0, rounds + 1).Select(round =>
            (First: FederationSyncScenario.FirstPracticeOf(database, round, rounds), Count: FederationSyncScenario.Changes + (round == rounds ? warmup : 0))))
            .ToList();

        var practices = logs.SelectMany(log => Enumerable.Range(log.First, log.Count)).ToList();
        Assert.Equal(practices.Count, practices.Distinct().Count());
        // After the 100,000 the library scenario loads, and the SQLite rounds where they always were.
        Assert.Equal(200_000, FederationSyncScenario.FirstPracticeOf(0, 0, rounds));
        Assert.Equal(210_000, FederationSyncScenario.FirstPracticeOf(0, 1, rounds));
    }

    [Fact]
    public void A_bulk_copy_short_of_rows_counts_each_missing_replica_event_and_version()
    {
        BulkCopied[] copies =
        [
            new(TimeSpan.FromSeconds(1), 10, 10, 10),
            new(TimeSpan.FromSeconds(1), 7, 10, 9),
            new(TimeSpan.FromSeconds(1), 10, 0, 10),
        ];

        Assert.Equal(3 + 1 + 10, FederationSyncScenario.MissingRows(copies, changes: 10));
        Assert.Equal(0, FederationSyncScenario.MissingRows(copies.Take(1), changes: 10));
    }
}
