using Kommune20.Contracts.Federation;
using Kommune20.Library.Members;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>Facet counts over an index of several segments, with deletions and replacements between searches.</summary>
public sealed class FacetCountTests : IDisposable
{
    readonly TemporaryIndex _index = new();
    readonly MemberCard _heidelberg = TemporaryIndex.City(PracticeSamples.Heidelberg, "Heidelberg");
    readonly MemberCard _heilbronn = TemporaryIndex.City(PracticeSamples.Heilbronn, "Heilbronn");

    public void Dispose() => _index.Dispose();

    Dictionary<string, int> Counts(string facet, string? text = null) =>
        _index.Find(text).Facets[facet].ToDictionary(value => value.Value, value => value.Count);

    [Fact]
    public void Counts_add_up_over_segments_and_leave_out_deleted_practices()
    {
        _index.Put(_heidelberg, PracticeSamples.Digitallotsen(), "a");
        var second = _index.Put(_heidelberg, PracticeSamples.Datenplattform(), "b");
        _index.Index.Commit();
        _index.Put(_heilbronn, PracticeSamples.VernissageDigital(), "c");
        _index.Put(_heilbronn, PracticeSamples.Datenplattform(), "d");
        _index.Index.Commit();

        Assert.Equal(new Dictionary<string, int> { ["Heidelberg"] = 2, ["Heilbronn"] = 2 }, Counts(PracticeFields.City));
        Assert.Equal(4, Counts(PracticeFields.State)["Baden-Württemberg"]);

        _index.Index.Remove(second);
        _index.Index.Commit();

        Assert.Equal(new Dictionary<string, int> { ["Heidelberg"] = 1, ["Heilbronn"] = 2 }, Counts(PracticeFields.City));
    }

    [Fact]
    public void Counts_cover_only_the_matches_of_the_text()
    {
        _index.Put(_heidelberg, PracticeSamples.Digitallotsen(), "a");
        _index.Index.Commit();
        _index.Put(_heilbronn, PracticeSamples.VernissageDigital(), "c");
        _index.Index.Commit();

        Assert.Equal(new Dictionary<string, int> { ["Heidelberg"] = 1 }, Counts(PracticeFields.City, "Digitallotsinnen"));
        Assert.Equal(new Dictionary<string, int> { ["Heilbronn"] = 1 }, Counts(PracticeFields.City, "Vernissage"));
    }

    [Fact]
    public void A_replaced_practice_counts_with_its_new_values_only()
    {
        var origin = PracticeSamples.Origin(_heidelberg.MemberId, "a");
        var practice = Practice.From(origin);
        practice.Apply(origin, PracticeSamples.Digitallotsen());
        _index.Index.Put(practice.Id, PracticeDocuments.Build(practice, _heidelberg, 0, 2026));
        _index.Index.Commit();
        Assert.Equal(1, Counts(PracticeFields.Sdg)["16.6"]);

        practice.Apply(PracticeSamples.Origin(_heidelberg.MemberId, "a", 2), PracticeSamples.Digitallotsen() with { SdgTargets = ["4.4"] });
        _index.Index.Put(practice.Id, PracticeDocuments.Build(practice, _heidelberg, 0, 2026));
        _index.Index.Commit();

        Assert.Equal(new Dictionary<string, int> { ["4.4"] = 1 }, Counts(PracticeFields.Sdg));
    }

    [Fact]
    public void The_period_counts_every_year_a_practice_ran_and_its_status()
    {
        _index.Put(_heidelberg, PracticeSamples.Digitallotsen() with { StartYear = 2019, EndYear = null }, "a");
        _index.Index.Commit();
        _index.Put(_heilbronn, PracticeSamples.VernissageDigital() with { StartYear = 2020, EndYear = 2021 }, "b");
        _index.Put(_heilbronn, PracticeSamples.Datenplattform() with { StartYear = null, EndYear = null }, "c");
        _index.Index.Commit();

        var expected = new Dictionary<string, int> { ["laufend"] = 1, ["abgeschlossen"] = 1, ["2019"] = 1, ["2020"] = 2, ["2021"] = 2 };
        for (var year = 2022; year <= 2026; year++)
            expected[year.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 1;
        Assert.Equal(expected, Counts(PracticeFields.Period));
    }

    [Fact]
    public void A_long_practice_counts_in_its_last_thirty_years()
    {
        _index.Put(_heidelberg, PracticeSamples.Digitallotsen() with { StartYear = 1950, EndYear = 2000 }, "a");
        _index.Index.Commit();

        var years = Counts(PracticeFields.Period).Keys.Where(value => char.IsDigit(value[0])).Select(int.Parse).Order().ToList();
        Assert.Equal(Enumerable.Range(1971, 30), years);
    }
}
