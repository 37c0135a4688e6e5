using Kommune20.Library.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kommune20.Library.Tests;

/// <summary>The German analysis: gendered forms, umlaut spellings and inflections of a word end as one term.</summary>
public sealed class AnalyzerTests : IDisposable
{
    readonly PracticeAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    List<string> Terms(string text)
    {
        using var stream = _analyzer.GetTokenStream("description", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    [Theory]
    [InlineData("Digitallotsinnen")]
    [InlineData("Digitallots*innen")]
    [InlineData("DigitallotsInnen")]
    [InlineData("Digitallots:innen")]
    [InlineData("Digitallots_innen")]
    [InlineData("Digitallots/-innen")]
    [InlineData("Digitallots(innen)")]
    [InlineData("Digitallotsen")]
    [InlineData("Digitallotse")]
    [InlineData("Digitallotsin")]
    [InlineData("DIGITALLOTSEN")]
    public void Every_form_of_Digitallotsen_is_one_term(string form) =>
        Assert.Equal(Terms("Digitallotsen"), Terms(form));

    [Theory]
    [InlineData("Buergerbeteiligung", "Bürgerbeteiligung")]
    [InlineData("Bürger*innen", "Bürger")]
    [InlineData("Bürgerinnen und Bürger", "Bürger Bürger")]
    [InlineData("BürgerInnen", "Buerger")]
    [InlineData("Mitarbeiter:innen", "Mitarbeiter")]
    [InlineData("Mitarbeiterinnen", "Mitarbeitern")]
    [InlineData("Studentin", "Studenten")]
    [InlineData("Kolleginnen", "Kollegen")]
    [InlineData("Multiplikatorinnen", "Multiplikatoren")]
    [InlineData("Straße", "Strasse")]
    public void Spellings_and_forms_meet(string one, string other) =>
        Assert.Equal(Terms(other), Terms(one));

    [Theory]
    [InlineData("beginnen")]
    [InlineData("gewinnen")]
    [InlineData("Termin")]
    [InlineData("Berlin")]
    [InlineData("Medizin")]
    public void Words_that_only_look_feminine_keep_their_ending(string word) =>
        Assert.Equal(word.ToLowerInvariant(), GenderForms.ToBaseForm(word.ToLowerInvariant()));

    [Fact]
    public void Stop_words_go_and_the_rest_keeps_its_order() =>
        Assert.Equal(Terms("Digitallotsen Verwaltung"), Terms("die Digitallotsen in der Verwaltung"));

    [Fact]
    public void Offsets_point_at_the_words_as_written()
    {
        const string text = "Die Digitallots*innen beraten.";
        using var stream = _analyzer.GetTokenStream("description", text);
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        Assert.Equal("Digitallots*innen", text[offset.StartOffset..offset.EndOffset]);
        stream.End();
    }

    List<(string Term, int Start, int End)> TermsAndOffsets(string text)
    {
        using var stream = _analyzer.GetTokenStream("description", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var terms = new List<(string, int, int)>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return terms;
    }

    [Fact]
    public void A_text_without_gender_marks_passes_unfiltered_with_the_terms_and_offsets_the_filters_give()
    {
        // The plain text skips the gender-mark filters; with a mark at its end it goes through them.
        const string plain = "Die Bürgerinnen der Innenstadt & ihre Mitarbeiterin (seit 2019) berät Kollegen nicht";
        var filtered = TermsAndOffsets(plain + " Digitallots*innen");

        Assert.Equal(filtered.Take(filtered.Count - 1), TermsAndOffsets(plain));
        Assert.Equal(Terms("Digitallotsen"), [filtered[^1].Term]);
    }
}
