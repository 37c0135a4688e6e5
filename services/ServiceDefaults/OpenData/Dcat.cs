using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Kommune20.ServiceDefaults.OpenData;

/// <summary>
/// The DCAT-AP.de vocabulary the hub's open-data catalogues share (the library's practices, the pilot projects): prefixes,
/// the association as publisher, the theme and language every entry has, and the form of a moment.
/// </summary>
public static class Dcat
{
    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["dcatde"] = "http://dcat-ap.de/def/dcatde/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    };

    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string GovernmentTheme = "http://publications.europa.eu/resource/authority/data-theme/GOVE";
    public const string German = "http://publications.europa.eu/resource/authority/language/DEU";
    public const string JsonFormat = "http://publications.europa.eu/resource/authority/file-type/JSON";
    public const string JsonMediaType = "https://www.iana.org/assignments/media-types/application/json";
    public const string DefaultLicense = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";

    /// <summary>The licence a catalogue states for its distributions: <c>Catalog:License</c>, an assumption the office confirms with the cities.</summary>
    public static string License(IConfiguration configuration) => configuration["Catalog:License"] ?? DefaultLicense;

    /// <summary>The hub's public root as the caller reached it (the gateway's address, from the forwarded headers).</summary>
    public static Uri Root(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>A new catalogue published by the association, in German, with its title, description, home page and last change.</summary>
    public static Iri AddCatalog(RdfGraph graph, Uri root, string path, string title, string description, string homePath, DateTimeOffset modified)
    {
        var catalog = new Iri(new Uri(root, path).AbsoluteUri);
        var association = new Iri(new Uri(root, "api/registry/members/6b0e2f1a-0001-4c20-9a20-000000000001").AbsoluteUri);
        graph.Add(catalog, "rdf:type", graph.Term("dcat:Catalog"));
        graph.Add(catalog, "dct:title", title);
        graph.Add(catalog, "dct:description", description);
        graph.Add(catalog, "dct:publisher", association);
        graph.Add(catalog, "dct:language", new Iri(German));
        graph.Add(catalog, "foaf:homepage", new Iri(new Uri(root, homePath).AbsoluteUri));
        graph.Add(catalog, "dct:modified", DateTime(modified));
        graph.Add(association, "rdf:type", graph.Term("foaf:Agent"));
        graph.Add(association, "foaf:name", "Kommune 2.0 e. V.", null);
        return catalog;
    }

    /// <summary>The JSON an entry's API answers with, as its distribution under the catalogue's licence.</summary>
    public static void AddJsonDistribution(RdfGraph graph, Iri dataset, string title, Iri accessUrl, string license)
    {
        var distribution = graph.NewBlankNode();
        graph.Add(dataset, "dcat:distribution", distribution);
        graph.Add(distribution, "rdf:type", graph.Term("dcat:Distribution"));
        graph.Add(distribution, "dct:title", title + " (JSON)");
        graph.Add(distribution, "dcat:accessURL", accessUrl);
        graph.Add(distribution, "dct:format", new Iri(JsonFormat));
        graph.Add(distribution, "dcat:mediaType", new Iri(JsonMediaType));
        graph.Add(distribution, "dct:license", new Iri(license));
    }

    public static Literal DateTime(DateTimeOffset value) =>
        new(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Datatype: Xsd + "dateTime");

    public static Literal Date(DateOnly value) => new(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Datatype: Xsd + "date");
}
