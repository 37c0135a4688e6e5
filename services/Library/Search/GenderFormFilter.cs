using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kommune20.Library.Search;

/// <summary>Turns feminine word forms into masculine ones (<see cref="GenderForms.ToBaseForm"/>); expects lower-case tokens.</summary>
public sealed class GenderFormFilter : TokenFilter
{
    readonly ICharTermAttribute _term;

    public GenderFormFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        // Only a word ending in "in" or "innen" can change; the others are not made into strings.
        var term = _term.Buffer.AsSpan(0, _term.Length);
        if (!term.EndsWith("in", StringComparison.Ordinal) && !term.EndsWith("innen", StringComparison.Ordinal))
            return true;
        var word = _term.ToString();
        var baseForm = GenderForms.ToBaseForm(word);
        if (!ReferenceEquals(word, baseForm))
            _term.SetEmpty().Append(baseForm);
        return true;
    }
}
