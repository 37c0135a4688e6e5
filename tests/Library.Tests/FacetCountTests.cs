using Kommune20.Contracts.Federation;
using Kommune20.Library.Members;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Testing;
using Microsoft.Extensions.Configuration;

namespace Kommune20.Library.Tests;

/// <summary>Facet counts over an index of several segments, with deletions and replacements between searches.</summary>
public sealed class FacetCountTests : IDisposable
{
    readonly string _data = Directory.CreateTempSubdirectory("k20-facets-").FullName;
    readonly PracticeIndex _index;
    readonly PracticeSearch _search;
    readonly MemberCard _heidelberg = City(PracticeSamples.Heidelberg, "Heidelberg");
    readonly MemberCard _heilbronn = City(PracticeSamples.Heilbronn, "Heilbronn");

    public FacetCountTests()
    {
        _index = new PracticeIndex(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["K20_DATA"] = _data }).Build());
        _search = new PracticeSearch(_index);
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    static MemberCard City(Guid id, string name) =>
        new() { MemberId = id, Found = true, Name = name, FederalState = "Baden-Württemberg", NetworkNames = ["Kommune 2.0 e. V."] };

    Guid Put(MemberCard origin, PracticeRecord record, string originId)
    {
        var practice = Practice.From(PracticeSamples.Origin(origin.MemberId, originId));
        practice.Apply(PracticeSamples.Origin(origin.MemberId, originId), record);
        _index.Put(practice.Id, PracticeDocuments.Build(practice, origin, 0, 2026));
        return practice.Id;
    }

    Dictionary<string, int> Counts(string facet, string? text = null) =>
        _search.Search(new PracticeSearchRequest(text, new Dictionary<string, IReadOnlyList<string>>(), 1, 20), signedIn: true)
            .Facets[facet].ToDictionary(value => value.Value, value => value.Count);

    [Fact]
    public void Counts_add_up_over_segments_and_leave_out_deleted_practices()
    {
        Put(_heidelberg, PracticeSamples.Digitallotsen(), "a");
        var second = Put(_heidelberg, PracticeSamples.Datenplattform(), "b");
        _index.Commit();
        Put(_heilbronn, PracticeSamples.VernissageDigital(), "c");
        Put(_heilbronn, PracticeSamples.Datenplattform(), "d");
        _index.Commit();

        Assert.Equal(new Dictionary<string, int> { ["Heidelberg"] = 2, ["Heilbronn"] = 2 }, Counts(PracticeFields.City));
        Assert.Equal(4, Counts(PracticeFields.State)["Baden-Württemberg"]);

        _index.Remove(second);
        _index.Commit();

        Assert.Equal(new Dictionary<string, int> { ["Heidelberg"] = 1, ["Heilbronn"] = 2 }, Counts(PracticeFields.City));
    }

    [Fact]
    public void Counts_cover_only_the_matches_of_the_text()
    {
        Put(_heidelberg, PracticeSamples.Digitallotsen(), "a");
        _index.Commit();
        Put(_heilbronn, PracticeSamples.VernissageDigital(), "c");
        _index.Commit();

        Assert.Equal(new Dictionary<string, int> { ["Heidelberg"] = 1 }, Counts(PracticeFields.City, "Digitallotsinnen"));
        Assert.Equal(new Dictionary<string, int> { ["Heilbronn"] = 1 }, Counts(PracticeFields.City, "Vernissage"));
    }

    [Fact]
    public void A_replaced_practice_counts_with_its_new_values_only()
    {
        var origin = PracticeSamples.Origin(_heidelberg.MemberId, "a");
        var practice = Practice.From(origin);
        practice.Apply(origin, PracticeSamples.Digitallotsen());
        _index.Put(practice.Id, PracticeDocuments.Build(practice, _heidelberg, 0, 2026));
        _index.Commit();
        Assert.Equal(1, Counts(PracticeFields.Sdg)["16.6"]);

        practice.Apply(PracticeSamples.Origin(_heidelberg.MemberId, "a", 2), PracticeSamples.Digitallotsen() with { SdgTargets = ["4.4"] });
        _index.Put(practice.Id, PracticeDocuments.Build(practice, _heidelberg, 0, 2026));
        _index.Commit();

        Assert.Equal(new Dictionary<string, int> { ["4.4"] = 1 }, Counts(PracticeFields.Sdg));
    }

    [Fact]
    public void The_period_counts_every_year_a_practice_ran_and_its_status()
    {
        Put(_heidelberg, PracticeSamples.Digitallotsen() with { StartYear = 2019, EndYear = null }, "a");
        _index.Commit();
        Put(_heilbronn, PracticeSamples.VernissageDigital() with { StartYear = 2020, EndYear = 2021 }, "b");
        Put(_heilbronn, PracticeSamples.Datenplattform() with { StartYear = null, EndYear = null }, "c");
        _index.Commit();

        var expected = new Dictionary<string, int> { ["laufend"] = 1, ["abgeschlossen"] = 1, ["2019"] = 1, ["2020"] = 2, ["2021"] = 2 };
        for (var year = 2022; year <= 2026; year++)
            expected[year.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 1;
        Assert.Equal(expected, Counts(PracticeFields.Period));
    }

    [Fact]
    public void A_long_practice_counts_in_its_last_thirty_years()
    {
        Put(_heidelberg, PracticeSamples.Digitallotsen() with { StartYear = 1950, EndYear = 2000 }, "a");
        _index.Commit();

        var years = Counts(PracticeFields.Period).Keys.Where(value => char.IsDigit(value[0])).Select(int.Parse).Order().ToList();
        Assert.Equal(Enumerable.Range(1971, 30), years);
    }
}
