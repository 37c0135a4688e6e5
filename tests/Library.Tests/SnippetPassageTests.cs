using Kommune20.Library.Members;
using Kommune20.Library.Search;
using Kommune20.Testing;
using Lucene.Net.Search.Highlight;

namespace Kommune20.Library.Tests;

/// <summary>
/// The snippet marker chooses and marks the passage that Lucene's highlighter (query term scorer, fragments of the
/// snippet's length) chose before the marker replaced it: over long texts with several passages, gender marks, characters
/// to escape, prefixes, near spellings and phrases.
/// </summary>
public sealed class SnippetPassageTests : IDisposable
{
    readonly TemporaryIndex _index = new();

    static readonly string LongDescription = string.Join(' ', Enumerable.Range(1, 6).Select(round =>
        $"Runde {round}: In den städtischen Ämtern fungieren Digitallots*innen & Bürger(innen) als \"Wegweiser\" für <alle> Kolleginnen. "
        + "Die Verwaltung stellt Daten über offene Schnittstellen bereit, damit Mitarbeiter:innen und DigitallotsInnen sie nutzen können. "
        + (round % 2 == 0 ? "Die Datenplattform der Stadt wächst mit jedem Projekt. " : "Die Bürgerbeteiligung läuft online und vor Ort. ")));

    public SnippetPassageTests()
    {
        var heidelberg = TemporaryIndex.City(PracticeSamples.Heidelberg, "Heidelberg");
        _index.Put(heidelberg, PracticeSamples.Digitallotsen(), "digitallotsen");
        _index.Put(heidelberg, PracticeSamples.Digitallotsen() with { Title = "Lange Beschreibung", Description = LongDescription }, "lang");
        _index.Put(TemporaryIndex.City(PracticeSamples.Heilbronn, "Heilbronn"), PracticeSamples.VernissageDigital(), "vernissage");
        _index.Put(heidelberg, PracticeSamples.Datenplattform(), "datenplattform");
        _index.Index.Commit();
    }

    public void Dispose() => _index.Dispose();

    sealed class Escaping : IEncoder
    {
        public string EncodeText(string originalText) => SnippetEncoder.Escape(originalText);
    }

    [Theory]
    [InlineData("Digitallotsinnen")]
    [InlineData("Digitallots*")]
    [InlineData("Digitalotsen~1")]
    [InlineData("\"städtischen Ämtern\"")]
    [InlineData("Bürgerinnen Mitarbeiter")]
    [InlineData("Verwaltung | Daten*")]
    [InlineData("Datenplattform Wegweiser")]
    [InlineData("Runde Stadt")]
    public void Each_field_gets_the_passage_lucenes_highlighter_chose(string text)
    {
        var compared = _index.Index.Read(searcher =>
        {
            var analyzer = _index.Index.Analyzer;
            var query = TextQuery.Parse(text, analyzer)!;
            var marker = new SnippetMarker(query, searcher.IndexReader, analyzer);
            var expanded = SnippetMarker.Expand(query, searcher.IndexReader);
            var count = 0;
            for (var doc = 0; doc < searcher.IndexReader.MaxDoc; doc++)
            {
                var document = searcher.Doc(doc);
                foreach (var field in PracticeFields.SnippetFields)
                {
                    if (document.Get(field) is not { } value)
                        continue;
                    var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new Escaping(),
                        new QueryTermScorer(QueryTermExtractor.GetTerms(expanded, false, field)))
                    {
                        TextFragmenter = new SimpleFragmenter(SnippetMarker.SnippetLength),
                    };
                    var expected = highlighter.GetBestFragment(analyzer.GetTokenStream(field, value), value);
                    Assert.Equal(expected, marker.BestPassage(field, value));
                    count += expected is null ? 0 : 1;
                }
            }
            return count;
        });
        Assert.True(compared > 0, "no field held a word of the search");
    }
}
