using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Kommune20.Library.Search;

/// <summary>
/// Marks the words of one search in the hits' stored text. The query's terms are taken out once per search and field,
/// prefixes and near spellings expanded to the index terms they stand for, so each hit costs only the analysis of its
/// text; a phrase is marked word by word.
/// </summary>
public sealed class SnippetMarker
{
    const int SnippetLength = 220;
    const int MostExpansions = 64;

    readonly PracticeAnalyzer _analyzer;
    readonly Dictionary<string, WeightedTerm[]> _terms;

    public SnippetMarker(Query query, IndexReader reader, PracticeAnalyzer analyzer)
    {
        _analyzer = analyzer;
        var expanded = Expand(query, reader);
        _terms = PracticeFields.SnippetFields.ToDictionary(field => field, field => QueryTermExtractor.GetTerms(expanded, false, field));
    }

    /// <summary>The best passage of the first snippet field that holds a word of the search, else the start of the summary (HTML-escaped).</summary>
    public string? Snippet(Document document)
    {
        foreach (var field in PracticeFields.SnippetFields)
        {
            var value = document.Get(field);
            if (string.IsNullOrEmpty(value) || _terms[field].Length == 0)
                continue;
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), SnippetEncoder.Instance, new QueryTermScorer(_terms[field]))
            {
                TextFragmenter = new SimpleFragmenter(SnippetLength),
            };
            using var tokens = _analyzer.GetTokenStream(field, value);
            var fragment = highlighter.GetBestFragment(tokens, value);
            if (fragment is not null)
                return fragment;
        }
        var summary = document.Get(PracticeFields.Summary) ?? document.Get(PracticeFields.Goal);
        return summary is null ? null : SnippetEncoder.Escape(summary.Length <= SnippetLength ? summary : summary[..SnippetLength] + " …");
    }

    /// <summary>The query with each prefix or near spelling replaced by its most frequent index terms.</summary>
    static Query Expand(Query query, IndexReader reader)
    {
        switch (query)
        {
            case MultiTermQuery multiTerm:
                return new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MostExpansions).Rewrite(reader, multiTerm);
            case BooleanQuery boolean:
                var expanded = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost };
                foreach (var clause in boolean.Clauses)
                    expanded.Add(Expand(clause.Query, reader), clause.Occur);
                return expanded;
            default:
                return query;
        }
    }
}
