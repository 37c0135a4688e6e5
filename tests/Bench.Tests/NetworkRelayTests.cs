using Kommune20.Bench.InProcess;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Scenarios;
using Kommune20.Bench.Workloads;
using Kommune20.Testing;

namespace Kommune20.Bench.Tests;

public sealed class NetworkRelayTests
{
    [Fact]
    public void The_relays_municipalities_share_no_key_with_the_fleet_the_pilot_projects_the_live_room_or_the_votes()
    {
        var relayed = NetworkRelayScenario.Municipalities(BenchSettings.Full);
        var others = SimulatedMunicipalities.First(SimulatedMunicipalities.InGermany)
            .Concat(Enumerable.Range(ProjectUpdatesScenario.FirstCity, BenchSettings.Full.ProjectCities).Select(SimulatedMunicipalities.City))
            .Concat(Enumerable.Range(DelegateRegistration.ParticipantsFrom, 1_000).Select(SimulatedMunicipalities.City))
            .Concat(Enumerable.Range(DelegateRegistration.VotersFrom, 1_000).Select(SimulatedMunicipalities.City))
            .ToList();

        Assert.Equal(2 * (50 + 2 * 500), relayed.Count);
        Assert.Empty(relayed.Select(city => city.Ags).Intersect(others.Select(city => city.Ags)));
        Assert.Empty(relayed.Select(city => city.ClientId).Intersect(others.Select(city => city.ClientId)));
        Assert.Equal(relayed.Count, relayed.Select(city => city.Ags).Distinct().Count());
    }

    [Fact]
    public void The_hubs_cpu_per_change_counts_only_the_named_processes_over_the_measured_time()
    {
        var waits = CityWaits.Of(0, [new CityOutcome(1, false)], TimeSpan.FromMinutes(3));
        var cpu = new Dictionary<string, double> { ["federation"] = 150, ["gateway"] = 50, ["registry"] = 10, ["library"] = 80 };
        var pushed = new FleetPushResult(waits, cpu, new Dictionary<string, double>(), TimeSpan.FromSeconds(10));

        // 2.1 cores for 10 s over 10,000 changes.
        Assert.Equal(2.1, pushed.CpuMsPerChange(["federation", "gateway", "registry"], 10_000), 6);
    }

    [Fact]
    public async Task The_hubs_replicas_are_counted_per_origin_and_by_who_delivered_them()
    {
        var hubData = TestEnvironment.NewDataDirectory("relay-bench");
        var (first, second, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var hub = await ReplicaBulkCopy.OnSqliteAsync(Path.Combine(hubData, "federation"), CancellationToken.None))
        {
            await hub.CopyAsync(first, GeneratedPractices.Publications(first, 0, 20), CancellationToken.None);
            await hub.CopyAsync(second, GeneratedPractices.Publications(second, 0, 20), CancellationToken.None);
            await hub.CopyAsync(other, GeneratedPractices.Publications(other, 0, 5), CancellationToken.None);
        }

        // The bulk copy's replicas were delivered by their origins themselves.
        Assert.Equal((40, 40), await HubReplicas.CountAsync(hubData, [first, second], deliverer: null, CancellationToken.None));
        Assert.Equal((40, 0), await HubReplicas.CountAsync(hubData, [first, second], deliverer: Guid.NewGuid(), CancellationToken.None));
        Assert.Equal((0, 0), await HubReplicas.CountAsync(hubData, [Guid.NewGuid()], deliverer: null, CancellationToken.None));
    }
}
