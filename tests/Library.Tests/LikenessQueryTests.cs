using Kommune20.Contracts.Federation;
using Kommune20.Library.Members;
using Kommune20.Library.Search;
using Kommune20.Testing;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace Kommune20.Library.Tests;

/// <summary>The similar practices' words are those Lucene's MoreLikeThis would choose, looked up more cheaply.</summary>
public sealed class LikenessQueryTests : IDisposable
{
    static readonly string[] Fields = [PracticeFields.Title, PracticeFields.Summary, PracticeFields.Goal, PracticeFields.Description];
    static readonly MemberCard Heidelberg = TemporaryIndex.City(PracticeSamples.Heidelberg, "Heidelberg");
    static readonly string[] Themes =
    [
        "Sensoren messen die Bodenfeuchte an den Stadtbäumen",
        "Die Bürgerinnen und Bürger melden Schäden über eine App",
        "Ein offenes Datenportal zeigt die Haushaltszahlen der Stadt",
        "Lastenräder stehen an Mobilitätsstationen zum Ausleihen bereit",
    ];
    readonly TemporaryIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Chooses_the_words_and_fields_MoreLikeThis_chooses_across_segments()
    {
        Guid? subject = null;
        for (var i = 0; i < 40; i++)
        {
            var theme = Themes[i % Themes.Length];
            var record = PracticeSamples.Datenplattform() with
            {
                Title = $"{theme.Split(' ')[1]} Nummer {i}",
                Summary = theme,
                Goal = $"{Themes[(i + 1) % Themes.Length]} und {Themes[(i + 2) % Themes.Length]}",
                Description = string.Join(". ", Enumerable.Repeat(theme, 1 + i % 3)),
            };
            var id = _index.Put(Heidelberg, record, $"practice-{i}");
            subject ??= id;
            if (i % 7 == 6)
                _index.Index.Commit(); // several segments, whose counts the query has to add up
        }
        _index.Index.Commit();

        _index.Index.Read(searcher =>
        {
            Assert.True(searcher.IndexReader.Leaves.Count > 1);
            var doc = searcher.Search(new TermQuery(new Term(PracticeFields.Id, subject.ToString())), 1).ScoreDocs[0].Doc;
            const int commonIn = 20;
            var chosen = Clauses(LikenessQuery.For(searcher, doc, _index.Index.Analyzer, Fields, commonIn, mostWords: 1_000));
            var expected = Clauses((BooleanQuery)new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _index.Index.Analyzer,
                FieldNames = Fields,
                MinTermFreq = 1,
                MinDocFreq = 1,
                MaxDocFreq = commonIn,
                MaxQueryTerms = 1_000,
            }.Like(doc));

            Assert.NotEmpty(chosen);
            Assert.Equal(expected.Order(), chosen.Order());
            Assert.Equal(3, Clauses(LikenessQuery.For(searcher, doc, _index.Index.Analyzer, Fields, commonIn, mostWords: 3)).Count);
            return true;
        });
    }

    static List<string> Clauses(BooleanQuery query) =>
        [.. query.Clauses.Select(clause => Assert.IsType<TermQuery>(clause.Query).Term.ToString())];
}
