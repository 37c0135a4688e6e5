using System.Diagnostics;
using System.Text.RegularExpressions;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Workloads;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;

namespace Kommune20.Bench.Tests;

public sealed class FleetTests
{
    [Fact]
    public void The_simulated_municipalities_have_distinct_keys_of_all_sixteen_Lander_that_no_real_municipality_has()
    {
        var cities = SimulatedMunicipalities.First(SimulatedMunicipalities.InGermany);

        Assert.Equal(SimulatedMunicipalities.InGermany, cities.Select(city => city.Ags).Distinct().Count());
        Assert.Equal(SimulatedMunicipalities.InGermany, cities.Select(city => city.ClientId).Distinct().Count());
        Assert.All(cities, city => Assert.Matches("^(0[1-9]|1[0-6])900[0-9]{3}$", city.Ags));
        Assert.Equal(16, cities.Select(city => city.Ags[..2]).Distinct().Count());
        // The Registry's rule for client ids (NodeClientRules).
        Assert.All(cities, city => Assert.Matches("^[a-z0-9][a-z0-9-]{2,99}$", city.ClientId));
        Assert.Equal(new SimulatedCity(0, "Testgemeinde 00001", "01900000", "node-testgemeinde-00001"), cities[0]);
    }

    [Fact]
    public void A_city_queues_five_valid_changes_and_a_second_outage_the_next_five()
    {
        var city = SimulatedMunicipalities.City(42);

        var first = NodeChanges.QueuedDuringOutage(city, 1000);
        var second = NodeChanges.QueuedDuringOutage(city, 1000, NodeChanges.PerOutage + 1);

        Assert.Equal([1L, 2, 3, 4, 5], first.Select(change => change.Version));
        Assert.Equal([6L, 7, 8, 9, 10], second.Select(change => change.Version));
        Assert.Equal(first.Select(change => change.OriginId), second.Select(change => change.OriginId));
        Assert.All(first, change => Assert.Null(RecordRules.OriginIdProblem(change.OriginId)));
        Assert.Equal([Change.RecordOneofCase.Practice, Change.RecordOneofCase.Practice, Change.RecordOneofCase.CityProfile,
            Change.RecordOneofCase.ProjectUpdate, Change.RecordOneofCase.Practice], first.Select(change => change.RecordCase));
        Assert.NotEqual(first[0].Practice.Description, first[1].Practice.Description);
        Assert.Empty(RecordRules.Validate(GeneratedPractices.CityProfile(city.Name)));
        Assert.Empty(RecordRules.Validate(GeneratedPractices.ProjectUpdate(city.Name, city.Number)));
    }

    [Fact]
    public void Waits_are_counted_from_the_reconnect_and_a_city_never_answered_is_starved_but_stays_in_the_percentiles()
    {
        var start = Stopwatch.GetTimestamp();
        long After(double milliseconds) => start + (long)(milliseconds / 1000 * Stopwatch.Frequency);

        var waits = CityWaits.Of(start, [new(After(100), false), new(After(300), false), new(null, false), new(After(200), false)], TimeSpan.FromSeconds(180));

        Assert.Equal((4, 1, 0, 3), (waits.Cities, waits.Starved, waits.Failed, waits.Acknowledged));
        Assert.Equal(0.75, waits.AcknowledgedShare);
        Assert.Equal(180_000, waits.SlowestMs, 3);
        Assert.Equal(200, waits.Latency.P50, 3);
        Assert.Equal((180_000, 180_000), (waits.Latency.P90, waits.Latency.P99));
    }

    [Fact]
    public void A_city_whose_every_change_was_rejected_has_failed_and_is_never_counted_as_acknowledged()
    {
        var start = Stopwatch.GetTimestamp();
        long After(double milliseconds) => start + (long)(milliseconds / 1000 * Stopwatch.Frequency);

        var waits = CityWaits.Of(start, [new(After(100), false), new(After(50), true)], TimeSpan.FromSeconds(60));

        Assert.Equal((2, 0, 1, 1), (waits.Cities, waits.Starved, waits.Failed, waits.Acknowledged));
        Assert.Equal(0.5, waits.AcknowledgedShare);
        Assert.Equal(60_000, waits.SlowestMs, 3);
        Assert.Equal((100, 60_000), (Math.Round(waits.Latency.P50, 3), waits.Latency.P99));
        Assert.Throws<ArgumentException>(() => CityWaits.Of(start, [], TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task A_log_the_hub_answered_with_rejections_only_is_answered_but_all_rejected()
    {
        var member = Guid.NewGuid();
        var rejectedAll = new QueuedChangeLog(member, NodeChanges.Of(GeneratedPractices.Publications(member, 0, 2)));
        var rejectedOne = new QueuedChangeLog(member, NodeChanges.Of(GeneratedPractices.Publications(member, 0, 2)));

        await rejectedAll.RecordAckAsync(2, [new Rejection { Version = 1 }, new Rejection { Version = 2 }], CancellationToken.None);
        await rejectedOne.RecordAckAsync(2, [new Rejection { Version = 2 }], CancellationToken.None);

        Assert.True(rejectedAll.Outcome is { AnsweredAt: not null, AllRejected: true });
        Assert.True(rejectedOne.Outcome is { AnsweredAt: not null, AllRejected: false });
        Assert.Equal(new CityOutcome(null, false), new QueuedChangeLog(member, NodeChanges.Of(GeneratedPractices.Publications(member, 0, 2))).Outcome);
    }

    [Fact]
    public async Task A_queued_log_is_caught_up_only_when_the_hub_acknowledged_its_head()
    {
        var member = Guid.NewGuid();
        var log = new QueuedChangeLog(member, NodeChanges.Of(GeneratedPractices.Publications(member, 0, 450)));

        var firstBatch = await log.ReadAfterAsync(0, 200, CancellationToken.None);
        await log.RecordAckAsync(200, [], CancellationToken.None);
        var rest = await log.ReadAfterAsync(200, 500, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), firstBatch.Select(change => change.Version));
        Assert.Equal(250, rest.Count);
        Assert.False(log.CaughtUp.IsCompleted);
        await log.RecordAckAsync(450, [new Rejection { Version = 300 }], CancellationToken.None);
        Assert.True(log.CaughtUp.IsCompletedSuccessfully);
        Assert.Equal((450L, 1), (log.Acknowledged, log.Rejected));
    }
}
