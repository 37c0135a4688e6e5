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

    static readonly CatalogEntry Digitallotsen = new(Id, PracticeSamples.Digitallotsen() with { Summary = "Wegweiser \"Richtung\" Digitalisierung" },
        Heidelberg, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), 1);

    static async Task<string> WrittenAsync(Func<Stream, IAsyncEnumerable<RdfGraph>, Task> write, params CatalogEntry[] entries)
    {
        using var stream = new MemoryStream();
        await write(stream, DcatCatalog.Windows(entries.ToAsyncEnumerable(), Root, License, DateTimeOffset.UnixEpoch, CancellationToken.None));
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static Task<string> TurtleAsync(params CatalogEntry[] entries) =>
        WrittenAsync((stream, windows) => TurtleWriter.WriteAsync(stream, Dcat.Prefixes, windows, CancellationToken.None), entries);

    static Task<string> JsonLdAsync(params CatalogEntry[] entries) =>
        WrittenAsync((stream, windows) => JsonLdWriter.WriteAsync(stream, Dcat.Prefixes, windows, CancellationToken.None), entries);

    [Fact]
    public async Task Turtle_describes_the_practice_as_a_dcat_dataset()
    {
        var turtle = await TurtleAsync(Digitallotsen);

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
    public async Task The_catalogue_names_the_pilot_projects_catalogue_as_its_part()
    {
        var turtle = await TurtleAsync(Digitallotsen);

        Assert.Contains("<http://localhost:8080/api/library/catalog> a dcat:Catalog ;", turtle);
        Assert.Contains("dcat:catalog <http://localhost:8080/api/projects/catalog>", turtle);
        Assert.Contains("dct:modified \"2026-11-01T08:00:00Z\"^^xsd:dateTime", turtle);
    }

    [Fact]
    public async Task A_catalogue_larger_than_a_window_links_every_dataset_once_and_numbers_its_blank_nodes_apart()
    {
        var entries = Enumerable.Range(0, 1234).Select(i => Digitallotsen with { Id = Guid.CreateVersion7(), ChangedAt = Digitallotsen.ChangedAt.AddMinutes(i) }).ToArray();

        using var document = JsonDocument.Parse(await JsonLdAsync(entries));

        var nodes = document.RootElement.GetProperty("@graph").EnumerateArray().ToList();
        var linked = nodes.Where(node => node.GetProperty("@id").GetString() == "http://localhost:8080/api/library/catalog")
            .SelectMany(node => node.TryGetProperty("dcat:dataset", out var datasets) ? datasets.EnumerateArray() : [])
            .Select(dataset => dataset.GetProperty("@id").GetString()).ToList();
        Assert.Equal(entries.Select(e => $"http://localhost:8080/api/library/practices/{e.Id}").Order(), linked.Order());
        var blankNodes = nodes.Select(node => node.GetProperty("@id").GetString()!).Where(id => id.StartsWith("_:", StringComparison.Ordinal)).ToList();
        Assert.Equal(blankNodes.Count, blankNodes.Distinct().Count());
        Assert.Contains(nodes, node => node.TryGetProperty("dct:modified", out var modified) && node.GetProperty("@id").GetString()!.EndsWith("/catalog")
            && modified[0].GetProperty("@value").GetString() == "2026-11-02T04:33:00Z");
    }

    [Fact]
    public async Task JSON_LD_holds_the_same_graph()
    {
        using var document = JsonDocument.Parse(await JsonLdAsync(Digitallotsen));
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
