using System.Text.Json;
using Kommune20.Bench.Workloads;
using Kommune20.ServiceDefaults;

namespace Kommune20.Bench.Tests;

/// <summary>When a load of generated practices is done: the library says so itself, the bench counts nothing.</summary>
public sealed class LibraryLoadTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_bench_reads_the_librarys_own_caught_up(bool caughtUp)
    {
        var status = JsonSerializer.Deserialize<LibraryLoad.IndexStatus>(
            $$"""{"listed":1118400,"pending":0,"indexed":1118400,"caughtUp":{{(caughtUp ? "true" : "false")}}}""", Json.Options)!;
        Assert.Equal(caughtUp, status.CaughtUp);
    }
}
