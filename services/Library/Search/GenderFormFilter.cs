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
        var word = _term.ToString();
        var baseForm = GenderForms.ToBaseForm(word);
        if (!ReferenceEquals(word, baseForm))
            _term.SetEmpty().Append(baseForm);
        return true;
    }
}
