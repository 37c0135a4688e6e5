using Kommune20.Library.Office;

namespace Kommune20.Library.Tests;

/// <summary>When an instance's index has caught up: nothing pending and every listed practice in it, not a count expected from before a load.</summary>
public sealed class IndexStatusTests
{
    [Theory]
    [InlineData(1_118_400, 0, 1_118_400, true)]
    [InlineData(1_118_400, 1_000, 1_117_400, false)]
    [InlineData(1_118_400, 0, 1_117_400, false)]
    [InlineData(1_118_400, 0, 1_136_000, false)]
    [InlineData(0, 0, 0, true)]
    public void The_index_has_caught_up_when_nothing_is_pending_and_it_holds_every_listed_practice(int listed, int pending, int indexed, bool caughtUp) =>
        Assert.Equal(caughtUp, new IndexStatus(listed, pending, indexed).CaughtUp);
}
