using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
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
/// <remarks>
/// The passage is the one Lucene's <see cref="Highlighter"/> chooses with a <see cref="QueryTermScorer"/> and a
/// <see cref="SimpleFragmenter"/> of <see cref="SnippetLength"/> characters, and it is marked as that would mark it: a
/// new passage begins with the first word that ends at or beyond the next multiple of the length, a passage scores
/// the weights of the distinct search words in it, and the first of the best passages wins. The highlighter made
/// strings of every word and gap (about 12 KB a hit); this reads the words from the analyzer's buffer and writes only the
/// chosen passage. It relies on the analyzer's words never overlapping (no synonyms), so each word is a group of its own.
/// </remarks>
public sealed class SnippetMarker
{
    internal const int SnippetLength = 220;
    const int MostExpansions = 64;
    static readonly int MostCharsAnalyzed = Highlighter.DEFAULT_MAX_CHARS_TO_ANALYZE;

    readonly PracticeAnalyzer _analyzer;
    /// <summary>Per snippet field, the search's words in it with their highest weight.</summary>
    readonly Dictionary<string, Dictionary<string, float>> _words;

    // Reused for every hit of the search.
    readonly List<(int Start, int End)> _marks = [];
    readonly HashSet<string> _wordsInPassage = new(StringComparer.Ordinal);
    readonly StringBuilder _snippet = new();

    public SnippetMarker(Query query, IndexReader reader, PracticeAnalyzer analyzer)
    {
        _analyzer = analyzer;
        var expanded = Expand(query, reader);
        _words = PracticeFields.SnippetFields.ToDictionary(field => field, field => Weights(QueryTermExtractor.GetTerms(expanded, false, field)));
    }

    /// <summary>The best passage of the first snippet field that holds a word of the search, else the start of the summary (HTML-escaped).</summary>
    public string? Snippet(Document document)
    {
        foreach (var field in PracticeFields.SnippetFields)
        {
            var value = document.Get(field);
            if (string.IsNullOrEmpty(value) || _words[field].Count == 0)
                continue;
            if (BestPassage(field, value) is { } passage)
                return passage;
        }
        var summary = document.Get(PracticeFields.Summary) ?? document.Get(PracticeFields.Goal);
        return summary is null ? null : SnippetEncoder.Escape(summary.Length <= SnippetLength ? summary : summary[..SnippetLength] + " …");
    }

    /// <summary>The best passage of the text with the search's words marked, or null when none of them is in it.</summary>
    internal string? BestPassage(string field, string text)
    {
        var words = _words[field].GetAlternateLookup<ReadOnlySpan<char>>();
        _marks.Clear();
        _wordsInPassage.Clear();
        var (passages, passageStart, passageScore, lastEnd, first) = (1, 0, 0f, 0, true);
        var (bestStart, bestEnd, bestScore) = (0, 0, 0f);
        using (var tokens = _analyzer.GetTokenStream(field, text))
        {
            var term = tokens.AddAttribute<ICharTermAttribute>();
            var offset = tokens.AddAttribute<IOffsetAttribute>();
            tokens.Reset();
            while (tokens.IncrementToken() && offset.StartOffset < MostCharsAnalyzed)
            {
                if (!first && offset.EndOffset >= SnippetLength * passages)
                {
                    passages++;
                    if (passageScore > bestScore)
                        (bestStart, bestEnd, bestScore) = (passageStart, lastEnd, passageScore);
                    (passageStart, passageScore) = (lastEnd, 0f);
                    _wordsInPassage.Clear();
                }
                first = false;
                if (words.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var word, out var weight))
                {
                    if (_wordsInPassage.Add(word))
                        passageScore += weight;
                    if (weight > 0)
                        _marks.Add((offset.StartOffset, offset.EndOffset));
                }
                lastEnd = Math.Max(lastEnd, offset.EndOffset);
            }
            tokens.End();
        }
        // The last passage runs to the end of the text, unless the text was longer than what was analysed.
        if (passageScore > bestScore)
            (bestStart, bestEnd, bestScore) = (passageStart, text.Length <= MostCharsAnalyzed ? text.Length : lastEnd, passageScore);
        if (bestScore <= 0)
            return null;

        _snippet.Clear();
        var written = bestStart;
        foreach (var (start, end) in _marks)
        {
            if (start < bestStart || end > bestEnd)
                continue;
            SnippetEncoder.Append(_snippet, text.AsSpan(written, start - written)).Append("<mark>");
            SnippetEncoder.Append(_snippet, text.AsSpan(start, end - start)).Append("</mark>");
            written = end;
        }
        return SnippetEncoder.Append(_snippet, text.AsSpan(written, bestEnd - written)).ToString();
    }

    /// <summary>A term the query names more than once counts with its highest weight.</summary>
    static Dictionary<string, float> Weights(WeightedTerm[] terms)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (!weights.TryGetValue(term.Term, out var weight) || weight < term.Weight)
                weights[term.Term] = term.Weight;
        }
        return weights;
    }

    /// <summary>The query with each prefix or near spelling replaced by its most frequent index terms.</summary>
    internal static Query Expand(Query query, IndexReader reader)
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
