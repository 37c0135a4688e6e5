using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Tests;

/// <summary>When a load of generated practices is done: the library's index status, not a count taken before the load.</summary>
public sealed class LibraryLoadTests
{
    [Theory]
    [InlineData(1_118_400, 0, 1_118_400, true)]
    [InlineData(1_118_400, 1_000, 1_117_400, false)]
    [InlineData(1_118_400, 0, 1_117_400, false)]
    [InlineData(1_118_400, 0, 1_136_000, false)]
    public void The_index_has_caught_up_when_nothing_is_pending_and_it_holds_every_listed_practice(int listed, int pending, int indexed, bool caughtUp) =>
        Assert.Equal(caughtUp, new LibraryLoad.IndexStatus(listed, pending, indexed).CaughtUp);
}
