using Kommune20.Projects.Pilots;
using Kommune20.ServiceDefaults.OpenData;

namespace Kommune20.Projects.Catalog;

/// <summary>
/// The pilot projects as a DCAT-AP.de catalogue, a part of the library's (which names it with <c>dcat:catalog</c>): one
/// <c>dcat:Dataset</c> per project with title, goal and hypothesis, field of action and funding programme as keywords, the
/// lead city as publisher, the time box as period, landing page, the project as JSON, and its transfer report when there is one.
/// </summary>
public static class ProjectCatalog
{
    public const string Path = "api/projects/catalog";

    /// <param name="root">The public address of the hub (the gateway), e.g. http://localhost:8080/.</param>
    public static RdfGraph Build(IReadOnlyList<ProjectCatalogEntry> entries, Uri root, string license, DateTimeOffset now)
    {
        var graph = new RdfGraph(Dcat.Prefixes);
        var catalog = Dcat.AddCatalog(graph, root, Path, "Reallabore – Kommune 2.0 e. V.",
            "Pilotprojekte (Reallabore), in denen Mitgliedskommunen des Kommune 2.0 e. V. digitale Anwendungen befristet erproben "
            + "und ihre Akzeptanz messen: Ziel, Hypothese, Laufzeit, Phase, Förderung und Transferbericht.", "api/projects",
            entries.Count == 0 ? now : entries.Max(e => e.ChangedAt));
        foreach (var entry in entries)
            graph.Add(catalog, "dcat:dataset", AddDataset(graph, entry, root, license));
        return graph;
    }

    static Iri AddDataset(RdfGraph graph, ProjectCatalogEntry entry, Uri root, string license)
    {
        var project = entry.Project;
        var dataset = new Iri(new Uri(root, $"api/projects/{project.Key}").AbsoluteUri);
        graph.Add(dataset, "rdf:type", graph.Term("dcat:Dataset"));
        graph.Add(dataset, "dct:identifier", project.Key, null);
        graph.Add(dataset, "dct:title", project.Title);
        graph.Add(dataset, "dct:description", $"{project.Goal}\n\nHypothese: {project.Hypothesis}\n\nPhase: {PhaseNames.Of(project.Phase)}");
        graph.Add(dataset, "dcat:keyword", project.FieldOfAction);
        graph.Add(dataset, "dcat:keyword", project.FundingProgramme);
        graph.Add(dataset, "dcat:theme", new Iri(Dcat.GovernmentTheme));
        graph.Add(dataset, "dct:modified", Dcat.DateTime(entry.ChangedAt));
        graph.Add(dataset, "dcat:landingPage", dataset);

        var publisher = graph.NewBlankNode();
        graph.Add(dataset, "dct:publisher", publisher);
        graph.Add(publisher, "rdf:type", graph.Term("foaf:Agent"));
        graph.Add(publisher, "foaf:name", project.Participants.FirstOrDefault(p => p.MemberId == project.LeadMemberId)?.Name, null);

        var period = graph.NewBlankNode();
        graph.Add(dataset, "dct:temporal", period);
        graph.Add(period, "rdf:type", graph.Term("dct:PeriodOfTime"));
        graph.Add(period, "dcat:startDate", Dcat.Date(project.StartsOn));
        graph.Add(period, "dcat:endDate", Dcat.Date(project.EndsOn));

        if (entry.TransferReport is { } report)
            graph.Add(dataset, "dct:isReferencedBy",
                new Iri(new Uri(root, $"api/federation/practices/{report.OriginMemberId}/{report.OriginId}").AbsoluteUri));

        Dcat.AddJsonDistribution(graph, dataset, project.Title, dataset, license);
        return dataset;
    }
}

/// <summary>A project as the catalogue lists it: with its last change and its transfer report, if the lead city published one.</summary>
public sealed record ProjectCatalogEntry(PilotProject Project, DateTimeOffset ChangedAt, TransferReportDto? TransferReport);
