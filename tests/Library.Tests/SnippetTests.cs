using Kommune20.Library.Members;
using Kommune20.Library.Search;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>The snippet of a hit marks the words searched for, also where the search names them by a prefix or a near spelling.</summary>
public sealed class SnippetTests : IDisposable
{
    readonly TemporaryIndex _index = new();
    readonly MemberCard _heidelberg = TemporaryIndex.City(PracticeSamples.Heidelberg, "Heidelberg");

    public SnippetTests()
    {
        _index.Put(_heidelberg, PracticeSamples.Digitallotsen(), "digitallotsen");
        _index.Index.Commit();
    }

    public void Dispose() => _index.Dispose();

    string Snippet(string text) => Assert.Single(_index.Find(text).Items).Snippet!;

    [Theory]
    [InlineData("Digitallotsinnen")]
    [InlineData("Digitallots*")]
    [InlineData("Digitalotsen~1")]
    public void The_word_searched_for_is_marked(string text) =>
        Assert.Contains("<mark>Digitallotsinnen</mark>", Snippet(text));

    [Fact]
    public void Without_a_marked_word_in_the_text_fields_the_summary_stands_in() =>
        Assert.Equal("Wegweiser Richtung Digitalisierung", Snippet("Heidelberg"));

    [Fact]
    public void Letters_beyond_ascii_stay_letters_and_markup_is_escaped()
    {
        var snippet = SnippetEncoder.Escape("Die städtischen Ämter & <script>alert('x')</script>");

        Assert.Equal("Die städtischen Ämter &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", snippet);
    }

    [Fact]
    public void A_marked_snippet_keeps_its_umlauts() =>
        Assert.Contains("<mark>städtischen</mark>", Snippet("städtischen"));
}
