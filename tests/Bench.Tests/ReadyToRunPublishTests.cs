using Kommune20.Bench.Processes;

namespace Kommune20.Bench.Tests;

public sealed class ReadyToRunPublishTests
{
    static readonly DateTime Built = new(2026, 12, 3, 22, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_project_never_published_is_published()
    {
        Assert.False(ReadyToRunPublish.IsUpToDate(Built, published: null));
    }

    [Fact]
    public void A_publish_older_than_the_build_is_published_again()
    {
        Assert.False(ReadyToRunPublish.IsUpToDate(Built, Built.AddSeconds(-1)));
    }

    [Fact]
    public void A_publish_finished_after_the_build_is_reused()
    {
        Assert.True(ReadyToRunPublish.IsUpToDate(Built, Built));
        Assert.True(ReadyToRunPublish.IsUpToDate(Built, Built.AddMinutes(5)));
    }
}
