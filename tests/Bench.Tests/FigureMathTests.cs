using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Tests;

public sealed class FigureMathTests
{
    [Fact]
    public void Percentiles_take_the_nearest_rank_of_the_sorted_samples()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        Assert.Equal(new Percentiles(50, 90, 99), Percentiles.Of(samples));
    }

    [Fact]
    public void Percentiles_of_few_samples_round_the_rank_up()
    {
        Assert.Equal(new Percentiles(2, 3, 3), Percentiles.Of([3.0, 1.0, 2.0]));
        Assert.Equal(new Percentiles(7, 7, 7), Percentiles.Of([7.0]));
    }

    [Fact]
    public void Percentiles_of_nothing_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Percentiles.Of([]));
    }

    [Fact]
    public void Server_cpu_per_request_is_the_servers_cpu_time_over_the_requests_without_the_load_generator_and_none_where_nothing_was_served()
    {
        var measured = new Measurement("gateway")
        {
            Throughput = 2000,
            CpuPercent = new Dictionary<string, double> { ["gateway"] = 90, ["registry"] = 60, ["wrk"] = 40 },
        };

        Assert.Equal(0.75, measured.WithServerCpu("gateway", "registry").ServerCpuMs!.Value, 10);
        Assert.Equal(0.3, measured.WithServerCpu("registry").ServerCpuMs!.Value, 10);
        Assert.Null((measured with { Throughput = 0 }).WithServerCpu("registry").ServerCpuMs);
        Assert.Throws<KeyNotFoundException>(() => measured.WithServerCpu("library"));
    }

    [Fact]
    public void Ratio_is_subject_over_baseline_and_needs_a_baseline()
    {
        Assert.Equal(0.6, Check.Ratio(600, 1000), 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Ratio(600, 0));
    }

    [Theory]
    [InlineData(0.55, true)]
    [InlineData(0.549, false)]
    public void At_least_is_met_from_the_limit_on(double value, bool met)
    {
        Assert.Equal(met, new Check("ratio", value, "", GoalDirection.AtLeast, 0.55).Met);
    }

    [Theory]
    [InlineData(14.9, true)]
    [InlineData(15, false)]
    public void Under_is_met_only_below_the_limit(double value, bool met)
    {
        Assert.Equal(met, new Check("p99", value, "ms", GoalDirection.Under, 15).Met);
    }

    [Fact]
    public void Checks_write_goal_and_measurement_with_their_unit()
    {
        var check = new Check("p50 added", 0.163, "ms", GoalDirection.Under, 0.3);
        var ratio = new Check("start", 2.5, "x", GoalDirection.Under, 3);

        Assert.Equal(("< 0.300 ms", "0.163 ms"), (check.Goal, check.Measured));
        Assert.Equal(("< 3.00x", "2.50x"), (ratio.Goal, ratio.Measured));
    }

    [Fact]
    public void Throughput_is_operations_per_second()
    {
        Assert.Equal(250, new LoadResult(1000, 3, 4, new Percentiles(1, 2, 3)).Throughput);
    }
}
