using Kommune20.Contracts.Federation;

namespace Kommune20.Federation.Tests;

public sealed class SdgTargetsTests
{
    [Fact]
    public void There_are_169_targets_across_17_goals()
    {
        Assert.Equal(169, SdgTargets.All.Count);
        Assert.Equal(17, SdgTargets.All.Select(target => target.Split('.')[0]).Distinct().Count());
    }

    [Theory]
    [InlineData("16.6", true)]
    [InlineData("16.10", true)]
    [InlineData("16.b", true)]
    [InlineData("17.19", true)]
    [InlineData("1.a", true)]
    [InlineData(" 11.3 ", true)]
    [InlineData("16.11", false)]
    [InlineData("16.c", false)]
    [InlineData("17.a", false)]
    [InlineData("18.1", false)]
    [InlineData("16", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Knows_which_targets_exist(string? target, bool exists) => Assert.Equal(exists, SdgTargets.Exists(target));

    [Theory]
    [InlineData("16.A", "16.a")]
    [InlineData(" 16.a ", "16.a")]
    [InlineData("11.3", "11.3")]
    public void A_target_is_written_one_way(string typed, string canonical) => Assert.Equal(canonical, SdgTargets.Canonical(typed));
}
