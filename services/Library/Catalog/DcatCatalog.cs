using System.Runtime.CompilerServices;
using Kommune20.ServiceDefaults.OpenData;

namespace Kommune20.Library.Catalog;

/// <summary>
/// The library's public practices as a DCAT-AP.de catalogue: one <c>dcat:Dataset</c> per practice with title,
/// description, keywords (topics), publisher (the origin member), political geocoding (its AGS), period, SDG targets
/// (UN SDG vocabulary), contact points, landing page, and a distribution (the practice as JSON from the library's API).
/// The pilot projects are the Projects service's own catalogue, which this one names as a part (<c>dcat:catalog</c>):
/// the library does not own projects. It is written as it is read from the database (<see cref="Windows"/>): at 100,000
/// practices the whole graph would take hundreds of megabytes.
/// </summary>
public static class DcatCatalog
{
    const string MunicipalityKey = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/";
    const string MunicipalityLevel = "http://dcat-ap.de/def/politicalGeocodingLevel/municipality";
    const string SdgTarget = "http://metadata.un.org/sdg/";

    /// <summary>The pilot projects' catalogue (Projects), served beside this one in the same forms (<c>.jsonld</c>, <c>.ttl</c>).</summary>
    public const string ProjectsCatalog = "api/projects/catalog";

    const string Path = "api/library/catalog";

    /// <summary>Datasets per window: a window is written and cleared before the next practice is read.</summary>
    const int Window = 500;

    /// <summary>
    /// The catalogue in windows of <see cref="Window"/> datasets, each window with the catalogue's <c>dcat:dataset</c>
    /// links to them, and last the catalogue's own description, whose last change is the latest practice's. The window
    /// is one graph, cleared after it was yielded: write it before asking for the next.
    /// </summary>
    /// <param name="root">The public address of the hub (the gateway), e.g. http://localhost:8080/.</param>
    /// <param name="license">The licence the catalogue states for its distributions (<c>Catalog:License</c>).</param>
    public static async IAsyncEnumerable<RdfGraph> Windows(IAsyncEnumerable<CatalogEntry> entries, Uri root, string license, DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var graph = new RdfGraph(Dcat.Prefixes);
        var catalog = new Iri(new Uri(root, Path).AbsoluteUri);
        var datasets = new List<Iri>(Window);
        DateTimeOffset? modified = null;
        await foreach (var entry in entries.WithCancellation(ct))
        {
            datasets.Add(AddDataset(graph, entry, root, license));
            modified = modified > entry.ChangedAt ? modified : entry.ChangedAt;
            if (datasets.Count == Window)
            {
                Link(graph, catalog, datasets);
                yield return graph;
                graph.Clear();
            }
        }

        Dcat.AddCatalog(graph, root, Path, "Bibliothek guter Praxis – Kommune 2.0 e. V.",
            "Gute Praxis der Mitgliedskommunen des Kommune 2.0 e. V.: Projekte, Ziele, Zeiträume, Nachhaltigkeitsziele, Förderprogramme "
            + "und verifizierte Übernahmen durch andere Kommunen.", "api/library/practices", modified ?? now);
        graph.Add(catalog, "dcat:catalog", new Iri(new Uri(root, ProjectsCatalog).AbsoluteUri));
        Link(graph, catalog, datasets);
        yield return graph;
    }

    static void Link(RdfGraph graph, Iri catalog, List<Iri> datasets)
    {
        foreach (var dataset in datasets)
            graph.Add(catalog, "dcat:dataset", dataset);
        datasets.Clear();
    }

    static Iri AddDataset(RdfGraph graph, CatalogEntry entry, Uri root, string license)
    {
        var record = entry.Record;
        var page = new Iri(new Uri(root, $"api/library/practices/{entry.Id}").AbsoluteUri);
        var dataset = page;
        graph.Add(dataset, "rdf:type", graph.Term("dcat:Dataset"));
        graph.Add(dataset, "dct:identifier", entry.Id.ToString(), null);
        graph.Add(dataset, "dct:title", record.Title);
        graph.Add(dataset, "dct:description", string.Join("\n\n", new[] { record.Summary, record.Goal, record.Description }.Where(t => !string.IsNullOrWhiteSpace(t))));
        foreach (var topic in record.Topics)
            graph.Add(dataset, "dcat:keyword", topic);
        if (record.FundingProgramme is { } funding)
            graph.Add(dataset, "dcat:keyword", funding);
        graph.Add(dataset, "dcat:theme", new Iri(Dcat.GovernmentTheme));
        foreach (var target in record.SdgTargets)
            graph.Add(dataset, "dct:subject", new Iri(SdgTarget + target));
        graph.Add(dataset, "dct:modified", Dcat.DateTime(entry.ChangedAt));
        graph.Add(dataset, "dcat:landingPage", page);
        foreach (var link in record.Links)
        {
            if (Uri.TryCreate(link.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                graph.Add(dataset, "foaf:page", new Iri(url.AbsoluteUri));
        }

        if (entry.Origin is { Name: { } name } origin)
        {
            var publisher = graph.NewBlankNode();
            graph.Add(dataset, "dct:publisher", publisher);
            graph.Add(publisher, "rdf:type", graph.Term("foaf:Agent"));
            graph.Add(publisher, "foaf:name", name, null);
            if (origin.Ags is { } ags)
            {
                graph.Add(dataset, "dcatde:politicalGeocodingURI", new Iri(MunicipalityKey + ags));
                graph.Add(dataset, "dcatde:politicalGeocodingLevelURI", new Iri(MunicipalityLevel));
            }
        }

        if (record.StartYear is { } start)
        {
            var period = graph.NewBlankNode();
            graph.Add(dataset, "dct:temporal", period);
            graph.Add(period, "rdf:type", graph.Term("dct:PeriodOfTime"));
            graph.Add(period, "dcat:startDate", new Literal($"{start:0000}-01-01", Datatype: Dcat.Xsd + "date"));
            if (record.EndYear is { } end)
                graph.Add(period, "dcat:endDate", new Literal($"{end:0000}-12-31", Datatype: Dcat.Xsd + "date"));
        }

        foreach (var contact in record.Contacts)
        {
            var point = graph.NewBlankNode();
            graph.Add(dataset, "dcat:contactPoint", point);
            graph.Add(point, "rdf:type", graph.Term("vcard:Organization"));
            graph.Add(point, "vcard:fn", string.Join(", ", new[] { contact.Name, contact.Role, contact.Organisation }.Where(t => !string.IsNullOrWhiteSpace(t))), null);
            if (!string.IsNullOrWhiteSpace(contact.Email))
                graph.Add(point, "vcard:hasEmail", new Iri("mailto:" + contact.Email.Trim()));
        }

        Dcat.AddJsonDistribution(graph, dataset, record.Title, page, license);
        return dataset;
    }
}
