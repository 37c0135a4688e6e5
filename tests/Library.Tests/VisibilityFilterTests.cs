using Kommune20.Contracts.Federation;
using Kommune20.Library.Members;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>
/// A visitor's search keeps the set of public practices per segment between searches; a practice whose visibility
/// changes, or that is withdrawn, is seen as it is now by the next search.
/// </summary>
public sealed class VisibilityFilterTests : IDisposable
{
    readonly TemporaryIndex _index = new();
    readonly MemberCard _heidelberg = TemporaryIndex.City(PracticeSamples.Heidelberg, "Heidelberg");
    readonly Practice _digitallotsen = Practice.From(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen"));
    long _version;

    public void Dispose() => _index.Dispose();

    void Publish(Visibility visibility)
    {
        var origin = PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", ++_version);
        _digitallotsen.Apply(origin, PracticeSamples.Digitallotsen(visibility));
        _index.Index.Put(_digitallotsen.Id, PracticeDocuments.Build(_digitallotsen, _heidelberg, 0, 2026));
        _index.Index.Commit();
    }

    int FoundByVisitor(string? text = "Digitallotsinnen") => _index.Find(text, signedIn: false).Total;

    [Fact]
    public void A_practice_made_network_only_disappears_for_visitors_and_returns_when_public_again()
    {
        _index.Put(_heidelberg, PracticeSamples.VernissageDigital(), "vernissage");
        Publish(Visibility.Public);
        Assert.Equal(1, FoundByVisitor());

        Publish(Visibility.Network);
        Assert.Equal(0, FoundByVisitor());
        Assert.Equal(1, FoundByVisitor("Vernissage"));
        Assert.Equal(1, _index.Find("Digitallotsinnen", signedIn: true).Total);

        Publish(Visibility.Public);
        Assert.Equal(1, FoundByVisitor());
        Assert.Equal(2, FoundByVisitor(null));
    }

    [Fact]
    public void A_network_only_practice_made_public_is_found_by_visitors_and_counted_in_their_facets()
    {
        Publish(Visibility.Network);
        Assert.Equal(0, FoundByVisitor());
        Assert.Empty(_index.Find(null, signedIn: false).Facets[PracticeFields.City]);

        Publish(Visibility.Public);

        Assert.Equal(1, FoundByVisitor());
        Assert.Equal(1, Assert.Single(_index.Find(null, signedIn: false).Facets[PracticeFields.City]).Count);
    }

    [Fact]
    public void A_withdrawn_practice_is_gone_for_visitors_although_its_segment_was_searched_before()
    {
        Publish(Visibility.Public);
        _index.Put(_heidelberg, PracticeSamples.VernissageDigital(), "vernissage");
        _index.Index.Commit();
        Assert.Equal(2, FoundByVisitor(null));

        _index.Index.Remove(_digitallotsen.Id);
        _index.Index.Commit();

        Assert.Equal(0, FoundByVisitor());
        Assert.Equal(1, FoundByVisitor(null));
    }

    [Fact]
    public void A_visitors_facet_filter_sees_only_public_practices()
    {
        Publish(Visibility.Network);
        _index.Put(_heidelberg, PracticeSamples.Datenplattform(), "datenplattform");
        _index.Index.Commit();
        var byCity = new Dictionary<string, IReadOnlyList<string>> { [PracticeFields.City] = ["Heidelberg"] };

        var visitor = _index.Search.Search(new PracticeSearchRequest(null, byCity, 1, 20), signedIn: false);
        var member = _index.Search.Search(new PracticeSearchRequest(null, byCity, 1, 20), signedIn: true);

        Assert.Equal(1, visitor.Total);
        Assert.Equal(2, member.Total);
    }
}
