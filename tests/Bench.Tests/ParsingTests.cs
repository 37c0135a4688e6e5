using Kommune20.Bench.Load;
using Kommune20.Bench.Processes;

namespace Kommune20.Bench.Tests;

public sealed class ParsingTests
{
    const string Wrk = """
        Running 5s test @ http://127.0.0.1:40123/api/registry/members
          1 threads and 16 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     7.81ms   12.06ms 119.36ms   94.12%
            Req/Sec     1.51k   210.43     1.90k    72.00%
          Latency Distribution
             50%  812.00us
             75%    8.90ms
             90%   12.50ms
             99%    1.02s
          7520 requests in 5.01s, 41.22MB read
          Socket errors: connect 0, read 2, write 0, timeout 1
          Non-2xx or 3xx responses: 17
        Requests/sec:   1501.00
        Transfer/sec:      8.23MB
        """;

    [Fact]
    public void Wrk_report_gives_successful_requests_time_and_percentiles_in_milliseconds()
    {
        var load = WrkOutput.Parse(Wrk);

        Assert.Equal(7500, load.Operations);
        Assert.Equal(20, load.Errors);
        Assert.Equal(5.01, load.Seconds, 6);
        Assert.Equal(0.812, load.Latency.P50, 6);
        Assert.Equal(12.5, load.Latency.P90, 6);
        Assert.Equal(1020, load.Latency.P99, 6);
    }

    [Fact]
    public void Output_without_a_latency_distribution_is_not_taken_for_a_report()
    {
        Assert.Throws<FormatException>(() => WrkOutput.Parse("unable to connect to 127.0.0.1:1 Connection refused"));
    }

    [Fact]
    public void Resident_memory_comes_from_VmRSS_in_megabytes()
    {
        const string status = "Name:\tdotnet\nVmPeak:\t 3000000 kB\nVmRSS:\t  153600 kB\nRssAnon:\t 100000 kB\n";

        Assert.Equal(150, ProcFs.ResidentMbFrom(status));
    }

    [Fact]
    public void Proportional_memory_comes_from_the_Pss_line_of_smaps_rollup_not_its_parts()
    {
        const string smapsRollup = """
            559b76e48000-7ffef5396000 ---p 00000000 00:00 0                          [rollup]
            Rss:              245760 kB
            Pss:              122880 kB
            Pss_Dirty:         90000 kB
            Pss_Anon:          80000 kB
            Pss_File:          42880 kB
            Shared_Clean:     130000 kB
            SwapPss:               0 kB
            """;

        Assert.Equal(120, ProcFs.ProportionalMbFrom(smapsRollup));
        Assert.Throws<FormatException>(() => ProcFs.ProportionalMbFrom("Rss:  1692 kB\nPss_Anon:  116 kB\n"));
    }

    [Fact]
    public void Peak_memory_comes_from_the_high_water_mark_VmHWM()
    {
        const string status = "Name:\tdotnet\nVmPeak:\t 3000000 kB\nVmHWM:\t  307200 kB\nVmRSS:\t  153600 kB\n";

        Assert.Equal(300, ProcFs.PeakResidentMbFrom(status));
        Assert.Throws<FormatException>(() => ProcFs.PeakResidentMbFrom("Name:\tdotnet\nVmRSS:\t 1 kB\n"));
    }

    [Fact]
    public void Cpu_time_is_user_plus_system_ticks_even_when_the_command_has_spaces()
    {
        const string stat = "4242 (dotnet worker) S 1 4242 4242 0 -1 4194560 5000 0 0 0 250 130 0 0 20 0 30 0 100 0 0";

        Assert.Equal(3.8, ProcFs.CpuSecondsFrom(stat), 6);
    }

    [Fact]
    public void Counters_are_summed_up_per_counter_in_megabytes_without_silent_ones()
    {
        const string csv = """
            Timestamp,Provider,Counter Name,Counter Type,Mean/Increment
            11/26/2026 08:40:13,System.Runtime,dotnet.process.cpu.count ({cpu}),Metric,2
            11/26/2026 08:40:13,System.Runtime,dotnet.process.memory.working_set (By),Metric,209715200
            11/26/2026 08:40:14,System.Runtime,dotnet.process.memory.working_set (By),Metric,220200960
            11/26/2026 08:40:13,System.Runtime,dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0],Rate,4
            11/26/2026 08:40:14,System.Runtime,dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0],Rate,2
            11/26/2026 08:40:14,System.Runtime,dotnet.monitor.lock_contentions ({contention} / 1 sec),Rate,0
            """;

        var figures = CountersCsv.Summarize("registry", csv).ToList();

        Assert.Equal(2, figures.Count);
        Assert.Contains(figures, f => f is { Counter: "dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]", Mean: 3, Max: 4 });
        Assert.Contains(figures, f => f is { Process: "registry", Counter: "dotnet.process.memory.working_set (MB)", Mean: 205, Max: 210 });
    }
}
