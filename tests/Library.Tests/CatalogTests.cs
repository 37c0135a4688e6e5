using System.Text;
using System.Text.Json;
using Kommune20.Library.Catalog;
using Kommune20.Library.Members;
using Kommune20.ServiceDefaults.OpenData;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>The DCAT-AP.de catalogue in Turtle and JSON-LD, and the CSV, for one practice.</summary>
public sealed class CatalogTests
{
    static readonly Uri Root = new("http://localhost:8080/");
    static readonly Guid Id = Guid.Parse("0d1e2f3a-0000-4000-8000-000000000001");
    const string License = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";

    static readonly MemberCard Heidelberg = new()
    {
        MemberId = PracticeSamples.Heidelberg, Found = true, Name = "Heidelberg", Ags = "08221000", FederalState = "Baden-Württemberg",
    };

    static RdfGraph Graph() => DcatCatalog.Build(
        [new CatalogEntry(Id, PracticeSamples.Digitallotsen() with { Summary = "Wegweiser \"Richtung\" Digitalisierung" }, Heidelberg,
            new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), 1)],
        Root, License, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Turtle_describes_the_practice_as_a_dcat_dataset()
    {
        var turtle = TurtleWriter.Write(Graph());

        Assert.Contains("@prefix dcat: <http://www.w3.org/ns/dcat#> .", turtle);
        Assert.Contains("<http://localhost:8080/api/library/practices/0d1e2f3a-0000-4000-8000-000000000001> a dcat:Dataset ;", turtle);
        Assert.Contains("dct:title \"Digitallotsinnen und Digitallotsen\"@de", turtle);
        Assert.Contains("\\\"Richtung\\\"", turtle);
        Assert.Contains("dct:subject <http://metadata.un.org/sdg/16.6>", turtle);
        Assert.Contains("dcatde:politicalGeocodingURI <http://dcat-ap.de/def/politicalGeocoding/municipalityKey/08221000>", turtle);
        Assert.Contains("dcat:startDate \"2019-01-01\"^^xsd:date", turtle);
        Assert.Contains("foaf:name \"Heidelberg\"", turtle);
        Assert.Contains($"dct:license <{License}>", turtle);
    }

    [Fact]
    public void The_catalogue_names_the_pilot_projects_catalogue_as_its_part()
    {
        var turtle = TurtleWriter.Write(Graph());

        Assert.Contains("<http://localhost:8080/api/library/catalog> a dcat:Catalog ;", turtle);
        Assert.Contains("dcat:catalog <http://localhost:8080/api/projects/catalog>", turtle);
    }

    [Fact]
    public void JSON_LD_holds_the_same_graph()
    {
        using var document = JsonDocument.Parse(JsonLdWriter.Write(Graph()));
        var root = document.RootElement;
        Assert.Equal("http://www.w3.org/ns/dcat#", root.GetProperty("@context").GetProperty("dcat").GetString());

        var dataset = root.GetProperty("@graph").EnumerateArray().Single(node =>
            node.TryGetProperty("@type", out var types) && types.EnumerateArray().Any(t => t.GetString() == "dcat:Dataset"));
        Assert.Equal("Digitallotsinnen und Digitallotsen", dataset.GetProperty("dct:title")[0].GetProperty("@value").GetString());
        Assert.Equal("de", dataset.GetProperty("dct:title")[0].GetProperty("@language").GetString());
        Assert.Equal("http://metadata.un.org/sdg/16.6", dataset.GetProperty("dct:subject")[0].GetProperty("@id").GetString());
        Assert.Equal(Id.ToString(), dataset.GetProperty("dct:identifier")[0].GetProperty("@value").GetString());
    }

    static async Task<string[]> CsvLinesAsync(params CatalogEntry[] entries)
    {
        using var stream = new MemoryStream();
        await CsvCatalog.WriteAsync(stream, entries.ToAsyncEnumerable(), Root, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task CSV_quotes_what_needs_quoting()
    {
        var lines = await CsvLinesAsync(new CatalogEntry(Id, PracticeSamples.Digitallotsen() with { Summary = "Wegweiser, \"Richtung\" Digitalisierung" },
            Heidelberg, DateTimeOffset.UnixEpoch, 1));

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,titel,zusammenfassung,", lines[0]);
        Assert.Contains("\"Wegweiser, \"\"Richtung\"\" Digitalisierung\"", lines[1]);
        Assert.Contains(",Heidelberg,Baden-Württemberg,Verwaltung; Digitalisierung,16.6,Digitale Zukunftskommune@bw,2019,,", lines[1]);
    }

    [Fact]
    public async Task CSV_cells_a_spreadsheet_would_run_as_formulas_are_escaped()
    {
        var record = PracticeSamples.Digitallotsen() with
        {
            Title = "=HYPERLINK(\"https://example.org/\",\"Klick\")",
            Summary = "+1+1",
            Goal = "-2+3",
            FundingProgramme = "@SUM(A1:A9)",
            Beneficiaries = ["\tTab"],
        };

        var row = (await CsvLinesAsync(new CatalogEntry(Id, record, Heidelberg, DateTimeOffset.UnixEpoch, 1)))[1];

        Assert.Contains("\"'=HYPERLINK(\"\"https://example.org/\"\",\"\"Klick\"\")\"", row);
        Assert.Contains(",\"'+1+1\",\"'-2+3\",", row);
        Assert.Contains("\"'@SUM(A1:A9)\"", row);
        Assert.Contains("\"'\tTab\"", row);
        Assert.DoesNotContain(",=", row);
    }
}
