using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;

namespace Kommune20.Library.Search;

/// <summary>
/// Turns what a visitor typed into a query over the text fields. It uses Lucene's simple query syntax, made for
/// people's input: words must all match (in any text field), "quoted phrases", <c>-word</c> excludes, <c>a | b</c>
/// either, <c>word*</c> a prefix, <c>word~1</c> a near spelling. Every other character is text, and the parser never
/// fails on any input: "Digitallots:innen" is a word, not a field. Prefixes and near spellings are folded like the index.
/// </summary>
public sealed class TextQuery : SimpleQueryParser
{
    public const int MaxLength = 500;
    public const int MaxWords = 32;
    /// <summary>Prefixes and near spellings each expand to many terms (near spellings to at most 50 per field).</summary>
    public const int MaxExpandingWords = 4;

    readonly Analyzer _analyzer;

    TextQuery(Analyzer analyzer) : base(analyzer, new Dictionary<string, float>(PracticeFields.TextWeights))
    {
        _analyzer = analyzer;
        DefaultOperator = Occur.MUST;
    }

    /// <summary>The query for the text, or null when it holds nothing to search for (only stop words or operators).</summary>
    public static Query? Parse(string text, Analyzer analyzer)
    {
        var query = new TextQuery(analyzer).Parse(text);
        return query is null or BooleanQuery { Clauses.Count: 0 } ? null : query;
    }

    /// <summary>Why the text cannot be searched for, or null when it can.</summary>
    public static string? Problem(string text)
    {
        if (text.Length > MaxLength)
            return $"Die Suche darf höchstens {MaxLength} Zeichen lang sein.";
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxWords)
            return $"Die Suche darf höchstens {MaxWords} Wörter enthalten.";
        // A star inside a word is a gender form ("Bürger*innen"), a star at its end a prefix.
        if (words.Count(word => word.TrimEnd(')', '"').EndsWith('*') || word.Contains('~')) > MaxExpandingWords)
            return $"Die Suche darf höchstens {MaxExpandingWords} Wortanfänge (*) oder ähnliche Schreibweisen (~) enthalten.";
        return null;
    }

    protected override Query NewPrefixQuery(string text)
    {
        var folded = Fold(text);
        if (folded.Length == 0)
            return null!;
        var query = new BooleanQuery(true);
        foreach (var (field, weight) in m_weights)
            query.Add(new PrefixQuery(new Term(field, folded)) { Boost = weight }, Occur.SHOULD);
        return Simplify(query);
    }

    protected override Query NewFuzzyQuery(string text, int fuzziness)
    {
        var term = FirstTerm(text);
        if (term is null)
            return null!;
        var query = new BooleanQuery(true);
        foreach (var (field, weight) in m_weights)
            query.Add(new FuzzyQuery(new Term(field, term), Math.Min(fuzziness, 2)) { Boost = weight }, Occur.SHOULD);
        return Simplify(query);
    }

    /// <summary>A prefix as the index writes the start of a word: lower case, umlauts folded, gender marks removed.</summary>
    static string Fold(string text)
    {
        using var tokenizer = new KeywordTokenizer(GenderMarkCharFilter.Wrap(new StringReader(text)));
        using var stream = new GermanNormalizationFilter(new LowerCaseFilter(PracticeAnalyzer.Version, tokenizer));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var folded = stream.IncrementToken() ? term.ToString() : "";
        stream.End();
        return folded;
    }

    string? FirstTerm(string text)
    {
        using var stream = _analyzer.GetTokenStream(PracticeFields.Description, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var first = stream.IncrementToken() ? term.ToString() : null;
        stream.End();
        return first;
    }
}
