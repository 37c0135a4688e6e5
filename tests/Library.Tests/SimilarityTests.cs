using Kommune20.Contracts.Federation;
using Kommune20.Library.Members;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>Which practices a practice's page shows as similar: shared rarer words count, words most practices use do not.</summary>
public sealed class SimilarityTests : IDisposable
{
    const string CommonWording = "Die Stadt digitalisiert ihre Verwaltung gemeinsam mit den Bürgerinnen und Bürgern.";
    static readonly MemberCard Heidelberg = TemporaryIndex.City(PracticeSamples.Heidelberg, "Heidelberg");
    readonly TemporaryIndex _index = new();

    public void Dispose() => _index.Dispose();

    static PracticeRecord Record(string title, string text) =>
        PracticeSamples.Datenplattform() with { Title = title, Summary = text, Description = text };

    [Fact]
    public void Words_most_practices_use_make_no_practice_similar_and_rarer_shared_words_do()
    {
        for (var i = 0; i < 100; i++)
            _index.Put(Heidelberg, Record($"Digitale Verwaltung {i}", CommonWording), $"verwaltung-{i}");
        var plain = _index.Put(Heidelberg, Record("Digitale Verwaltung", CommonWording), "verwaltung");
        var sensors = _index.Put(Heidelberg, Record("Bodenfeuchtesensoren", "Sensoren messen die Bodenfeuchte an den Stadtbäumen."), "sensoren");
        _index.Put(Heidelberg, Record("Bodenfeuchte im Stadtwald", "Sensoren melden die Bodenfeuchte der Stadtbäume."), "stadtwald");
        _index.Index.Commit();

        Assert.Empty(_index.Search.Similar(plain, signedIn: true, count: 4)!);
        Assert.Equal("Bodenfeuchte im Stadtwald", _index.Search.Similar(sensors, signedIn: true, count: 4)![0].Title);
    }
}
