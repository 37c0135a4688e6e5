using Kommune20.Portal.Library;

namespace Kommune20.Portal.Tests;

/// <summary>A library search is shareable by its address, and a snippet shows only the library's highlighting as markup.</summary>
public sealed class LibraryAddressTests
{
    static PracticeFilter Filter(string? q, params (string Parameter, string Value)[] chosen) =>
        PracticeFilter.FromAddress(q, parameter => chosen.Where(c => c.Parameter == parameter).Select(c => c.Value).ToList(), page: null);

    [Fact]
    public void The_address_keeps_the_text_and_every_chosen_value_in_German_parameters()
    {
        var filter = Filter("Digitallotsinnen", ("sdg", "16.6"), ("thema", "Verwaltung"), ("thema", "Bildung"));

        Assert.Equal("/praxisbeispiele?q=Digitallotsinnen&thema=Verwaltung&thema=Bildung&sdg=16.6", filter.Href());
        Assert.Equal("/praxisbeispiele?q=Digitallotsinnen&thema=Verwaltung&thema=Bildung&sdg=16.6&seite=2", filter.Href(page: 2));
        Assert.True(filter.IsChosen("sdg", "16.6"));
        Assert.False(filter.IsChosen("sdg", "16.7"));
    }

    [Fact]
    public void The_library_is_asked_with_its_own_parameter_names_and_page_size()
    {
        var filter = Filter("Digitallotsinnen", ("sdg", "16.6"), ("stadt", "Heidelberg"), ("stadt", " "));

        Assert.Equal("/api/library/practices?q=Digitallotsinnen&sdg=16.6&city=Heidelberg&pageSize=10", filter.ApiQuery());
    }

    [Theory]
    [InlineData("Die <mark>Digitallotsinnen</mark> beraten", "Die <mark>Digitallotsinnen</mark> beraten")]
    [InlineData("&lt;b&gt;fett&lt;/b&gt; <mark>Lotsen</mark>", "&lt;b&gt;fett&lt;/b&gt; <mark>Lotsen</mark>")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData(null, "")]
    public void Only_the_librarys_highlighting_becomes_markup(string? snippet, string expected) =>
        Assert.Equal(expected, Snippet.ToMarkup(snippet).Value);
}
