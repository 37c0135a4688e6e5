using Kommune20.Library.Search;

namespace Kommune20.Library.Tests;

/// <summary>Whatever a visitor types becomes a query or a named problem, never an exception from the engine.</summary>
public sealed class TextQueryTests : IDisposable
{
    readonly PracticeAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    public static readonly string[] OddStrings =
    [
        "title:Digitallotsen", "Digitallots:innen", "\"", "\"\"\"", "((((", "))))", "(a", "a)", "*", "**", "?", "a?b", "~", "~~~2",
        "Digitallotsen~", "Digitallotsen~99999999999", "\"a b\"~-1", "+", "-", "|", "+-|", "a AND OR NOT b", "[1 TO 5]", "{a TO b}",
        "^2", "a^", "\\", "a\\", "\\\\\\", "/regex/", "/", "!", "&&", "||", "::::", "🙂", "\u0000", "\u200b", "a\u0001b",
        "\ud800", "<script>alert(1)</script>", "'; DROP TABLE practices; --", "%00", "Bürger*innen*", "*innen", "in",
        new string('(', 400), new string('"', 499), new string('*', 500), string.Join(' ', Enumerable.Repeat("a*", 32)),
    ];

    public static TheoryData<string> OddInputs()
    {
        var data = new TheoryData<string>();
        foreach (var input in OddStrings)
            data.Add(input);
        return data;
    }

    [Theory]
    [MemberData(nameof(OddInputs))]
    public void Odd_input_never_breaks_the_parser(string input)
    {
        var exception = Record.Exception(() => TextQuery.Parse(input, _analyzer));
        Assert.Null(exception);
    }

    [Fact]
    public void Random_strings_never_break_the_parser()
    {
        var random = new Random(20_190_606);
        const string alphabet = "abcäöüßAZ09 *:?~^\"()[]{}+-|!&\\/\t\n";
        for (var i = 0; i < 2000; i++)
        {
            var input = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var exception = Record.Exception(() => TextQuery.Parse(input, _analyzer));
            Assert.True(exception is null, $"\"{input}\": {exception}");
        }
    }

    [Fact]
    public void A_colon_is_text_not_a_field()
    {
        var query = TextQuery.Parse("Digitallots:innen", _analyzer);
        Assert.NotNull(query);
        Assert.Contains("title:digitallots", query.ToString());
    }

    [Fact]
    public void All_words_must_match()
    {
        var query = TextQuery.Parse("Digitallotsen Verwaltung", _analyzer);
        Assert.StartsWith("+", query!.ToString());
    }

    [Fact]
    public void A_prefix_is_folded_like_the_index()
    {
        var query = TextQuery.Parse("Bürgerbet*", _analyzer);
        Assert.Contains("title:burgerbet*", query!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("und die der")]
    [InlineData("\"\"")]
    public void Nothing_to_search_for_is_null(string input) => Assert.Null(TextQuery.Parse(input, _analyzer));

    [Fact]
    public void Too_long_too_many_words_or_too_many_prefixes_and_near_spellings_is_a_problem()
    {
        Assert.NotNull(TextQuery.Problem(new string('a', TextQuery.MaxLength + 1)));
        Assert.NotNull(TextQuery.Problem(string.Join(' ', Enumerable.Repeat("wort", TextQuery.MaxWords + 1))));
        Assert.Null(TextQuery.Problem("Digitallotsinnen Heidelberg"));
        Assert.NotNull(TextQuery.Problem("Digi* Lots* Bürger* Heidel~1 Stadt~"));
        Assert.Null(TextQuery.Problem("Bürger*innen Lehrer*innen Schüler*innen Einwohner*innen Nutzer*innen Digi* (Lots*)"));
    }
}
