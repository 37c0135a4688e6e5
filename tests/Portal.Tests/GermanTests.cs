using System.Net;
using System.Text;
using Kommune20.WebUi;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Tests;

public sealed class GermanTests
{
    [Fact]
    public void Dates_and_numbers_read_the_German_way()
    {
        Assert.Equal("1. Februar 2017", German.Date(new DateOnly(2017, 2, 1)));
        Assert.Equal("–", German.Date((DateOnly?)null));
        Assert.Equal("12.345", German.Number(12345));
        Assert.Equal("2,5", German.Number(2.5, 1));
        Assert.Equal("1 Mitglied", German.Count(1, "Mitglied", "Mitglieder"));
        Assert.Equal("3 Mitglieder", German.Count(3, "Mitglied", "Mitglieder"));
        Assert.Equal("262.5", Svg.N(262.5));
    }

    [Fact]
    public async Task A_validation_problem_names_each_field_with_its_message()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"title":"Die Anfrage ist ungültig.","status":400,"errors":{"ags":["Der AGS besteht aus genau 8 Ziffern."]}}""",
                Encoding.UTF8, "application/problem+json"),
        };

        var problem = await ApiProblem.ReadAsync(response);

        Assert.Equal(400, problem.Status);
        Assert.Equal("Die Anfrage ist ungültig.", problem.Title);
        Assert.Equal("Der AGS besteht aus genau 8 Ziffern.", problem.MessageFor("ags"));
        Assert.Null(problem.MessageFor("name"));
    }

    [Fact]
    public async Task A_failure_without_a_problem_document_still_gets_a_German_title()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>upstream</html>", Encoding.UTF8, "text/html") };

        var problem = await ApiProblem.ReadAsync(response);

        Assert.Equal("Der Dienst ist gerade nicht erreichbar. Bitte später noch einmal versuchen.", problem.Title);
        Assert.Empty(problem.Errors);
    }
}
