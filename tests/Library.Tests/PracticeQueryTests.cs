using Kommune20.Library.Search;

namespace Kommune20.Library.Tests;

/// <summary>Malformed search parameters are named in the 400 problem.</summary>
public sealed class PracticeQueryTests
{
    [Theory]
    [InlineData("sdg", "17.20")]
    [InlineData("sdg", "16")]
    [InlineData("sdg", "sechzehn")]
    [InlineData("period", "gestern")]
    [InlineData("period", "99999")]
    [InlineData("topic", "")]
    [InlineData("city", " ")]
    public void A_malformed_filter_names_its_parameter(string parameter, string value)
    {
        var query = parameter switch
        {
            "sdg" => new PracticeQuery { Sdg = [value] },
            "period" => new PracticeQuery { Period = [value] },
            "topic" => new PracticeQuery { Topic = [value] },
            _ => new PracticeQuery { City = [value] },
        };
        Assert.Equal([parameter], query.Validate().Keys);
    }

    [Fact]
    public void Paging_is_bounded()
    {
        Assert.Contains("page", new PracticeQuery { Page = 0 }.Validate().Keys);
        Assert.Contains("pageSize", new PracticeQuery { PageSize = 101 }.Validate().Keys);
        Assert.Contains("page", new PracticeQuery { Page = 1000, PageSize = 100 }.Validate().Keys);
        Assert.Empty(new PracticeQuery { Page = 100, PageSize = 100 }.Validate());
    }

    [Fact]
    public void A_valid_query_becomes_the_search_request()
    {
        var query = new PracticeQuery { Q = " Digitallotsinnen ", Sdg = ["16.6", "16.A"], City = ["Heidelberg"], Period = ["Laufend"], Adopted = true };
        Assert.Empty(query.Validate());

        var request = query.ToRequest();
        Assert.Equal(["16.6", "16.a"], request.Filters["sdg"]);
        Assert.Equal(["Heidelberg"], request.Filters["city"]);
        Assert.Equal(["laufend"], request.Filters["period"]);
        Assert.Equal(["true"], request.Filters["adopted"]);
        Assert.False(request.Filters.ContainsKey("topic"));
        Assert.Equal((1, 20), (request.Page, request.PageSize));
    }
}
