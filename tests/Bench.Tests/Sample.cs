using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Tests;

/// <summary>A small run's results, the shape a quick run writes.</summary>
static class Sample
{
    public static RunResults Run() => new(new DateTimeOffset(2026, 11, 26, 8, 39, 0, TimeSpan.Zero), "full",
        new Machine(2, "AMD EPYC", 24105, "Debian GNU/Linux 12 (bookworm)", ".NET 10.0.12") { LoadAverageBefore = 0.5, LoadAverageAfter = 2.25 })
    {
        Elapsed = TimeSpan.FromMinutes(7.5),
        Caveats = ["A shared 2-core machine."],
        Scenarios =
        [
            new ScenarioResult("gateway-proxy", "Gateway: public GET through YARP", "the same endpoint called directly")
            {
                Measurements =
                [
                    new Measurement("direct") { Throughput = 2000, Latency = new Percentiles(5, 9, 20), CpuPercent = new Dictionary<string, double> { ["registry"] = 95 } },
                    new Measurement("gateway") { Throughput = 1000, Latency = new Percentiles(8, 12, 30), Errors = 3, CpuPercent = new Dictionary<string, double> { ["registry"] = 60, ["gateway"] = 70 }, ServerCpuMs = 1.3 },
                ],
                Checks =
                [
                    new Check("throughput through the gateway / direct", 0.5, "", GoalDirection.AtLeast, 0.55),
                    Check.OfPairs("p50 latency the gateway adds", [0.2, 0.25, 0.18], "ms", GoalDirection.Under, 0.3),
                    Check.OfRuns("p99 through the gateway", [28, 31, 30], "ms", GoalDirection.Under, 50),
                ],
                Notes = ["Load from wrk <16 connections> & more."],
                Profile = new Profile("dotnet-counters", [new CounterFigure("gateway", "dotnet.gc.collections", 12, 20)]),
            },
            new ScenarioResult("memory", "Memory at rest and under load", "none")
            {
                Measurements = [new Measurement("registry at rest") { ResidentMb = 120, ProportionalMb = 85 }],
                Checks = [new Check("registry at rest", 120, "MB", GoalDirection.Under, 150)],
            },
        ],
    };
}
