using Kommune20.Portal.Registry;
using Kommune20.WebUi;
using Kommune20.WebUi.SignIn;

namespace Kommune20.Portal.Tests;

/// <summary>Filters live in the address so a list can be shared; sign-in only ever returns to this site.</summary>
public sealed class AddressTests
{
    [Fact]
    public void The_directory_address_keeps_only_the_filters_that_are_set()
    {
        Assert.Equal("/mitglieder", new MemberFilter(null, null, null).Href());
        Assert.Equal("/mitglieder?art=city&land=Baden-W%C3%BCrttemberg&seite=3", new MemberFilter(" ", "city", "Baden-Württemberg", 3).Href());
        Assert.Equal("/mitglieder?q=Heidel", new MemberFilter("Heidel", null, null, 4).Href(page: 1));
    }

    [Fact]
    public void The_registry_query_names_the_APIs_parameters_and_never_a_page_out_of_bounds()
    {
        Assert.Equal("/api/registry/members?kind=city&page=1&pageSize=25", new MemberFilter(null, "city", null, -2).ApiQuery());
        Assert.Equal("/api/registry/members?page=10000&pageSize=25", new MemberFilter(null, null, null, int.MaxValue).ApiQuery());
    }

    [Fact]
    public void Query_escapes_values_and_drops_blank_ones()
    {
        Assert.Equal("?q=Digitallotsinnen%20%26%20-lotsen&sdg=16.6", Query.Build(("q", "Digitallotsinnen & -lotsen"), ("leer", ""), ("sdg", "16.6")));
        Assert.Equal("", Query.Build(("q", null)));
    }

    [Theory]
    [InlineData("/redaktion", "/redaktion")]
    [InlineData("/praxisbeispiele?q=x", "/praxisbeispiele?q=x")]
    [InlineData("https://elsewhere.example/", "/")]
    [InlineData("//elsewhere.example/", "/")]
    [InlineData("/\\elsewhere.example", "/")]
    [InlineData(null, "/")]
    public void Sign_in_returns_only_to_paths_on_this_site(string? requested, string expected) =>
        Assert.Equal(expected, WebSignIn.LocalPath(requested));
}
