using Kommune20.Library.Members;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>
/// Two instances index the same practices in different orders (each its own index); equally relevant practices still
/// come in one order, so pages taken from either instance in turn neither repeat nor skip a practice.
/// </summary>
public sealed class SearchOrderTests : IDisposable
{
    readonly TemporaryIndex _first = new();
    readonly TemporaryIndex _second = new();
    readonly MemberCard _heidelberg = TemporaryIndex.City(PracticeSamples.Heidelberg, "Heidelberg");

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public void Equally_relevant_practices_come_in_the_same_order_whichever_order_they_were_indexed_in()
    {
        string[] originIds = ["lotsen-a", "lotsen-b", "lotsen-c", "lotsen-d"];
        foreach (var originId in originIds)
            _first.Put(_heidelberg, PracticeSamples.Digitallotsen(), originId);
        _first.Index.Commit();
        foreach (var originId in originIds.Reverse())
            _second.Put(_heidelberg, PracticeSamples.Digitallotsen(), originId);
        _second.Index.Commit();

        var first = _first.Find("Digitallotsinnen").Items.Select(hit => hit.Practice.Id).ToList();
        var second = _second.Find("Digitallotsinnen").Items.Select(hit => hit.Practice.Id).ToList();

        Assert.Equal(4, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first.OrderBy(id => id.ToString(), StringComparer.Ordinal), first);
    }
}
