using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Kommune20.Library.Search;

/// <summary>
/// German analysis for practices: Lucene's German chain (standard tokenizer, lower case, stop words, umlaut
/// normalisation, light stemming) with gendered forms folded first. "Bürgerbeteiligung" and "Buergerbeteiligung" meet
/// in the normalisation ("ü" and "ue" both become "u"), "Digitallotsinnen" and "Digitallotsen" in the gender folding.
/// </summary>
public sealed class PracticeAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TextReader InitReader(string fieldName, TextReader reader) => GenderMarkCharFilter.Wrap(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new StandardFilter(Version, source);
        result = new LowerCaseFilter(Version, result);
        result = new StopFilter(Version, result, GermanAnalyzer.DefaultStopSet);
        result = new GenderFormFilter(result);
        result = new GermanNormalizationFilter(result);
        result = new GermanLightStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
