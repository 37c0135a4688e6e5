using Kommune20.Contracts.Federation;

namespace Kommune20.Testing;

/// <summary>Practices as the member cities publish them, from the association's documents (seeds/002–004).</summary>
public static class PracticeSamples
{
    public static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    public static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");
    public static readonly Guid Heilbronn = Guid.Parse("6b0e2f1a-0005-4c20-9a20-000000000005");
    public static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");
    public static readonly Guid Weinheim = Guid.Parse("6b0e2f1a-0013-4c20-9a20-000000000013");
    public static readonly Guid Schwetzingen = Guid.Parse("6b0e2f1a-0014-4c20-9a20-000000000014");

    /// <summary>Heidelberg's project sheet "Digitallotsinnen und Digitallotsen" (seeds/004).</summary>
    public static PracticeRecord Digitallotsen(Visibility visibility = Visibility.Public) => new(
        Title: "Digitallotsinnen und Digitallotsen",
        Summary: "Wegweiser Richtung Digitalisierung",
        Goal: "Alle städtischen Mitarbeiterinnen und Mitarbeiter für das Thema Digitalisierung sensibilisieren und begeistern. "
            + "Dabei ist es unverzichtbar, alle Fachbereiche und Stakeholder einzubinden.",
        StartYear: 2019,
        EndYear: null,
        Description: "In jedem der knapp 40 städtischen Ämter, von Abfallwirtschaft über Mobilität bis hin zur Wirtschaftsförderung, "
            + "fungieren seit Ende 2017 ein bis drei Mitarbeiterinnen oder Mitarbeiter als Digitallotsinnen oder -lotsen. "
            + "Als Multiplikatorinnen und Multiplikatoren informieren sie ihre Kolleginnen und Kollegen über die Aktivitäten der Stadt "
            + "im Zukunftsfeld Digitalisierung und sind in diesem Bereich Ansprechpartnerinnen und Ansprechpartner.",
        Topics: ["Verwaltung", "Digitalisierung"],
        SdgTargets: ["16.6"],
        Beneficiaries: ["Bürgerinnen und Bürger", "Stadtverwaltung Heidelberg", "Besucherinnen und Besucher der Stadt Heidelberg"],
        Contacts: [new PracticeContact("Projektleitung", "Stadt Heidelberg, Amt für Digitales und Informationsverarbeitung", null, null)],
        FundingProgramme: "Digitale Zukunftskommune@bw",
        Links: [new PracticeLink("Digitallotsen der Stadt Heidelberg", "https://www.heidelberg.de/Digitale-Stadt,Lde/startseite/projekte/digital+lotsen.html")],
        Visibility: visibility);

    /// <summary>Heilbronn's "Vernissage Digital" (seeds/002): interim results shown to the public, feedback collected.</summary>
    public static PracticeRecord VernissageDigital(Visibility visibility = Visibility.Public) => new(
        Title: "Vernissage Digital",
        Summary: "Bürgerbeteiligung an der Strategie „Digitale Stadt Heilbronn 2030“",
        Goal: "Verwaltungsmitarbeiter, Gemeinderäte und Bürgerschaft über Zwischenergebnisse informieren und um Rückmeldung bitten.",
        StartYear: 2018,
        EndYear: 2018,
        Description: "Interaktive digitale Anwendungen wurden erlebbar gemacht; in Reallaboren werden Anwendungen zeitlich befristet erprobt, "
            + "um die Akzeptanz seitens der Bürgerschaft zu testen.",
        Topics: ["Beteiligung", "Digitalisierung"],
        SdgTargets: ["16.7", "11.3"],
        Beneficiaries: ["Bürgerinnen und Bürger", "Gemeinderat"],
        Contacts: [new PracticeContact("Stabsstelle Stadtentwicklung und Zukunftsfragen", "Stadt Heilbronn", null, null)],
        FundingProgramme: null,
        Links: [],
        Visibility: visibility);

    /// <summary>Heidelberg's data platform MAsH (seeds/003): all data of the projects on one platform with open interfaces.</summary>
    public static PracticeRecord Datenplattform(Visibility visibility = Visibility.Public) => new(
        Title: "MAsH – die Multiplattform für Heidelberg",
        Summary: "Eine gemeinsame Datenplattform mit offenen Schnittstellen",
        Goal: "Verschiedenartige Daten auf der gleichen Plattform analysieren und verarbeiten, um Zusammenhänge zu erkennen.",
        StartYear: 2020,
        EndYear: null,
        Description: "Alle Projektideen, bei denen verwertbare Daten anfallen, werden in eine gemeinsame Datenplattform integriert. "
            + "Betont wird die Integration offener Schnittstellen, um den Datenaustausch zu vereinfachen.",
        Topics: ["Datenplattform", "Digitalisierung"],
        SdgTargets: ["9.c", "11.3"],
        Beneficiaries: ["Stadtverwaltung Heidelberg", "Unternehmen"],
        Contacts: [],
        FundingProgramme: null,
        Links: [],
        Visibility: visibility);

    /// <summary>The Metropolregion's shared geodata portal GeoNet.MRN (seeds/001), as a practice of Weinheim, which has no node.</summary>
    public static PracticeRecord GeoNetMrn(Visibility visibility = Visibility.Public) => new(
        Title: "Geodaten im gemeinsamen Portal GeoNet.MRN",
        Summary: "Das Geodatenportal der Metropolregion Rhein-Neckar, das die Kommunen der Region gemeinsam nutzen",
        Goal: "Geodaten der Kommunen der Metropolregion an einer Stelle auffindbar und nutzbar machen.",
        StartYear: null,
        EndYear: null,
        Description: "GeoNet.MRN ist das gemeinsame Geodatenportal der Metropolregion Rhein-Neckar.",
        Topics: ["Geodaten", "Interkommunale Zusammenarbeit"],
        SdgTargets: [],
        Beneficiaries: ["Kommunen der Metropolregion Rhein-Neckar"],
        Contacts: [],
        FundingProgramme: null,
        Links: [new PracticeLink("GeoNet.MRN", "https://www.geonet-mrn.de")],
        Visibility: visibility);

    public static RecordOrigin Origin(Guid member, string originId, long version = 1) =>
        new(member, originId, version, DateTimeOffset.UtcNow);
}
