using System.Text.Json;
using Kommune20.ServiceDefaults;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kommune20.Library.Search;

/// <summary>
/// Searches the practice index: relevance-ranked text search, facet filters and counts, snippets, similar practices.
/// A search that collects for longer than <see cref="TimeLimit"/> is given up with a
/// <see cref="TimeLimitingCollector.TimeExceededException"/>, so one expensive query cannot hold a thread.
/// </summary>
public sealed class PracticeSearch(PracticeIndex index, TimeProvider clock)
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    const int FacetValuesShown = 50;
    // Ties are broken by the practice's id, not by Lucene's document number: that is the order in which this instance
    // indexed, which differs between instances, so a page taken from each would show one practice twice and miss another.
    static readonly SortField ById = new(PracticeFields.Id, SortFieldType.STRING);
    static readonly Sort Newest = new(new SortField(PracticeFields.Changed, SortFieldType.INT64, true), ById);
    static readonly Sort Relevance = new(SortField.FIELD_SCORE, ById);
    static readonly string[] SimilarityFields = [PracticeFields.Title, PracticeFields.Summary, PracticeFields.Goal, PracticeFields.Description];
    const int SimilarWords = 25;

    /// <summary>
    /// The public practices, as a set of documents per segment kept for as long as the segment is searched. Segments never
    /// change: a practice whose visibility changes is written anew into a new segment, which gets a set of its own, and its
    /// old document is deleted, which the search leaves out whatever the cached set holds. So the cache is never stale,
    /// and a visitor's search no longer looks the term up in every segment each time.
    /// </summary>
    readonly Filter _public = new CachingWrapperFilter(new QueryWrapperFilter(
        new TermQuery(new Term(PracticeFields.Visibility, PracticeDocuments.Visibility(Contracts.Federation.Visibility.Public)))));

    public PracticeSearchResult Search(PracticeSearchRequest request, bool signedIn) => index.Read(searcher =>
    {
        var text = request.Text is null ? null : TextQuery.Parse(request.Text, index.Analyzer);
        var query = text ?? new MatchAllDocsQuery();
        var depth = request.Page * request.PageSize;
        var start = (request.Page - 1) * request.PageSize;
        ICollector top;
        Func<TopDocs> page;
        if (text is null)
        {
            var newest = TopFieldCollector.Create(Newest, depth, false, false, false, true);
            (top, page) = (newest, () => newest.GetTopDocs(start, request.PageSize));
        }
        else
        {
            var relevant = TopFieldCollector.Create(Relevance, depth, false, true, false, true);
            (top, page) = (relevant, () => relevant.GetTopDocs(start, request.PageSize));
        }
        var facets = new FacetCounter(index.Facets);

        var limited = new TimeLimitingCollector(MultiCollector.Wrap(top, facets), new ElapsedMilliseconds(clock), (long)TimeLimit.TotalMilliseconds);
        searcher.Search(WithFacetFilters(query, request.Filters), Visible(signedIn), limited);

        var hits = page();
        var marker = text is null ? null : new SnippetMarker(text, searcher.IndexReader, index.Analyzer);
        var items = hits.ScoreDocs.Select(hit =>
        {
            var document = searcher.Doc(hit.Doc);
            return new PracticeHit(Card(document), marker?.Snippet(document), text is null ? null : hit.Score);
        }).ToList();
        return new PracticeSearchResult(items, request.Page, request.PageSize, hits.TotalHits, FacetValues(facets));
    });

    /// <summary>Practices like this one by their words (<see cref="LikenessQuery"/>); null when the practice is not in the index or not visible.</summary>
    public IReadOnlyList<PracticeCard>? Similar(Guid id, bool signedIn, int count) => index.Read(searcher =>
    {
        var own = new TermQuery(new Term(PracticeFields.Id, id.ToString()));
        var visibility = Visible(signedIn);
        var found = searcher.Search(own, visibility, 1);
        if (found.TotalHits == 0)
            return null;

        var like = LikenessQuery.For(searcher, found.ScoreDocs[0].Doc, index.Analyzer, SimilarityFields, CommonIn(searcher.IndexReader), SimilarWords);
        var query = new BooleanQuery { { like, Occur.MUST }, { own, Occur.MUST_NOT } };
        return (IReadOnlyList<PracticeCard>)searcher.Search(query, visibility, count).ScoreDocs.Select(hit => Card(searcher.Doc(hit.Doc))).ToList();
    });

    /// <summary>
    /// Words in more practices than this say little about likeness: one in twenty practices, and never fewer than 20 in
    /// a small library. A practice's common and topic words (Stadt, digital, Bürgerinnen, Mobilität) matched a tenth
    /// of the library or more, and scoring all of it was most of a practice page's time (bench/findings/practice-detail.md).
    /// </summary>
    static int CommonIn(IndexReader reader) => Math.Max(20, reader.NumDocs / 20);

    /// <summary>Network-only practices are for signed-in members: a visitor's search sees the public ones only.</summary>
    Filter? Visible(bool signedIn) => signedIn ? null : _public;

    /// <summary>The query, restricted to practices with one of each filter's values (which do not change the scores).</summary>
    static Query WithFacetFilters(Query query, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        if (filters.Count == 0)
            return query;
        var all = new BooleanQuery();
        foreach (var (facet, values) in filters)
        {
            var any = new BooleanQuery();
            foreach (var value in values)
                any.Add(new TermQuery(new Term(facet, value)), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        return new FilteredQuery(query, new QueryWrapperFilter(all));
    }

    static PracticeCard Card(Document document) =>
        JsonSerializer.Deserialize<PracticeCard>(document.Get(PracticeFields.Card), Json.Options)!;

    static Dictionary<string, IReadOnlyList<FacetValue>> FacetValues(FacetCounter facets) =>
        facets.Counts.ToDictionary(
            facet => facet.Key,
            facet => (IReadOnlyList<FacetValue>)facet.Value
                .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
                .Take(FacetValuesShown)
                .Select(v => new FacetValue(v.Key, v.Value))
                .ToList());
}
