using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Kommune20.Library.Search;

/// <summary>
/// The query for the practices like one practice, chosen as Lucene's MoreLikeThis chooses it: the practice's words
/// from its text fields, each under the field where the most practices have it, the words most practices share left
/// out, the rest ranked by their count in the practice times their rarity (tf·idf), the best of them in an OR.
/// MoreLikeThis looks every word up per field through the whole index (<c>IndexReader.DocFreq</c>), which opens a new
/// terms enumerator in every segment each time, and reads the stored document once per field: at 100,000 practices
/// about 8 MB and most of a practice page's CPU (bench/findings/practice-detail.md). Here each segment and field gets
/// one enumerator, sought in term order, and the document is read once.
/// </summary>
public static class LikenessQuery
{
    // MoreLikeThis's defaults, which the practice page used: no word-length or stop-word filter, and at most this many
    // tokens read from each field value.
    const int MostTokensPerValue = 5000;
    static readonly TFIDFSimilarity Rarity = new DefaultSimilarity();

    /// <summary>
    /// The OR of the <paramref name="mostWords"/> telling words of document <paramref name="doc"/> in
    /// <paramref name="fields"/>, leaving out words in more than <paramref name="commonIn"/> documents.
    /// </summary>
    public static BooleanQuery For(IndexSearcher searcher, int doc, Analyzer analyzer, IReadOnlyList<string> fields, int commonIn, int mostWords)
    {
        // In term order (BytesRef compares as the index sorts), so that each enumerator only ever seeks forward.
        var (words, counts) = Counts(searcher.Doc(doc, new HashSet<string>(fields)), analyzer, fields);
        var (documents, topFields) = DocumentFrequencies(searcher.IndexReader, fields, words);

        var numDocs = searcher.IndexReader.NumDocs;
        var query = new BooleanQuery();
        foreach (var i in Enumerable.Range(0, words.Length)
            .Where(i => documents[i] > 0 && documents[i] <= commonIn)
            .Select(i => (Index: i, Score: counts[i] * Rarity.Idf(documents[i], numDocs)))
            .OrderByDescending(word => word.Score).ThenBy(word => word.Index)
            .Take(mostWords)
            .Select(word => word.Index))
            query.Add(new TermQuery(new Term(topFields[i], words[i])), Occur.SHOULD);
        return query;
    }

    /// <summary>The document's words in term order, each with how often it occurs in the fields, all fields together.</summary>
    static (BytesRef[] Words, int[] Counts) Counts(Document document, Analyzer analyzer, IReadOnlyList<string> fields)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            foreach (var value in document.GetValues(field))
            {
                using var tokens = analyzer.GetTokenStream(field, value);
                var term = tokens.AddAttribute<ICharTermAttribute>();
                tokens.Reset();
                for (var read = 0; read < MostTokensPerValue && tokens.IncrementToken(); read++)
                {
                    var word = term.ToString();
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
                tokens.End();
            }
        }
        var words = counts.Keys.Select(word => new BytesRef(word)).ToArray();
        var occurrences = counts.Values.ToArray();
        Array.Sort(words, occurrences);
        return (words, occurrences);
    }

    /// <summary>
    /// For each word (in term order), the number of documents that have it in the field where the most have it, and
    /// that field (the first of <paramref name="fields"/> when none has it).
    /// </summary>
    static (int[] Documents, string[] TopFields) DocumentFrequencies(IndexReader reader, IReadOnlyList<string> fields, BytesRef[] words)
    {
        var documents = new int[words.Length];
        var topFields = Enumerable.Repeat(fields[0], words.Length).ToArray();
        var inField = new int[words.Length];
        foreach (var field in fields)
        {
            Array.Clear(inField);
            foreach (var leaf in reader.Leaves)
            {
                if (leaf.AtomicReader.GetTerms(field) is not { } terms)
                    continue;
                var termsEnum = terms.GetEnumerator();
                for (var i = 0; i < words.Length; i++)
                {
                    if (termsEnum.SeekExact(words[i]))
                        inField[i] += termsEnum.DocFreq;
                }
            }
            for (var i = 0; i < words.Length; i++)
            {
                if (inField[i] > documents[i])
                    (documents[i], topFields[i]) = (inField[i], field);
            }
        }
        return (documents, topFields);
    }
}
