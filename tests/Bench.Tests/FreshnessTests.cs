using System.Diagnostics;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;
using Kommune20.Federation.Client;

namespace Kommune20.Bench.Tests;

public sealed class FreshnessTests
{
    [Fact]
    public void An_edit_counts_from_its_making_until_found_and_one_never_found_with_its_wait_until_the_round_gave_up()
    {
        var start = Stopwatch.GetTimestamp();
        long After(double milliseconds) => start + (long)(milliseconds / 1000 * Stopwatch.Frequency);

        var freshness = Freshness.Of([(After(0), After(300)), (After(100), After(200)), (After(200), null), (After(300), After(500))], gaveUpAt: After(1200));

        Assert.Equal((4, 1), (freshness.Edits, freshness.Missed));
        Assert.Equal(200, freshness.Latency.P50, 3);
        Assert.Equal(1000, freshness.Latency.P99, 3);
    }

    [Fact]
    public void Each_edit_has_a_word_of_its_own_at_the_end_of_the_title_and_searches_hold_at_most_32_within_the_librarys_500_characters()
    {
        var markers = Enumerable.Range(0, 70).Select(EditMarkers.Of).ToList();

        Assert.Equal(70, markers.Distinct().Count());
        Assert.Equal("k20edit000042", EditMarkers.In(EditMarkers.Title("Digitales Bürgeramt (7)", 42)));
        Assert.Null(EditMarkers.In("Digitales Bürgeramt (7)"));
        var searches = EditMarkers.Searches(markers).ToList();
        Assert.Equal([32, 32, 6], searches.Select(search => search.Split('|').Length));
        Assert.Equal(markers, searches.SelectMany(search => search.Split('|')));
        Assert.All(searches, search => Assert.True(search.Length <= 500 && !search.Contains(' ', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_growing_log_numbers_its_changes_and_notes_when_each_version_was_acknowledged()
    {
        var log = new EditedChangeLog(Guid.NewGuid());
        for (var i = 0; i < 3; i++)
            log.Append(version => RecordMessages.Published(GeneratedPractices.OriginId(i), version, DateTimeOffset.UtcNow, GeneratedPractices.Practice(i)));

        await log.RecordAckAsync(2, [], CancellationToken.None);
        var afterTwo = (await log.ReadAfterAsync(2, 10, CancellationToken.None)).Select(change => change.Version);
        Assert.Equal(4, log.Append(version => RecordMessages.Published(GeneratedPractices.OriginId(3), version, DateTimeOffset.UtcNow, GeneratedPractices.Practice(3))));

        Assert.Equal([3L], afterTwo);
        Assert.Equal(4, await log.HeadVersionAsync(CancellationToken.None));
        Assert.NotNull(log.AcknowledgedAt(1));
        Assert.Equal(log.AcknowledgedAt(1), log.AcknowledgedAt(2));
        Assert.Null(log.AcknowledgedAt(3));
        Assert.Equal(2, log.Acknowledged);
    }
}
