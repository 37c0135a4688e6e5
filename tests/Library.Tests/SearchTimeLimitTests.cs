using Kommune20.Library.Search;
using Kommune20.Testing;
using Lucene.Net.Search;

namespace Kommune20.Library.Tests;

/// <summary>A search that runs past its time limit is given up instead of holding the thread (the API answers 400 naming q).</summary>
public sealed class SearchTimeLimitTests
{
    /// <summary>A clock on which every reading is a minute after the one before.</summary>
    sealed class Racing : TimeProvider
    {
        long _now;

        public override long GetTimestamp() => _now += TimestampFrequency * 60;
    }

    static TemporaryIndex IndexWithOnePractice(TimeProvider clock)
    {
        var index = new TemporaryIndex(clock);
        index.Put(TemporaryIndex.City(PracticeSamples.Heidelberg, "Heidelberg"), PracticeSamples.Digitallotsen(), "digitallotsen");
        index.Index.Commit();
        return index;
    }

    [Fact]
    public void A_search_past_the_time_limit_is_given_up()
    {
        using var index = IndexWithOnePractice(new Racing());

        Assert.Throws<TimeLimitingCollector.TimeExceededException>(() => index.Find("Digitallotsinnen"));
        Assert.Throws<TimeLimitingCollector.TimeExceededException>(() => index.Find(null));
    }

    [Fact]
    public void A_search_within_the_time_limit_finds()
    {
        using var index = IndexWithOnePractice(TimeProvider.System);

        Assert.Single(index.Find("Digitallotsinnen").Items);
    }
}
