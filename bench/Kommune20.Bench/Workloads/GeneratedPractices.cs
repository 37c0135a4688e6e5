using Kommune20.Contracts.Federation;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// Best practices for loads of 10,000 and more, built from the fields of action and the wording of the association's
/// documents (Heidelberg's Digitallotsen sheet, Heilbronn's Reallabore and Vernissage Digital, the Smart City Atlas):
/// practice <c>n</c> is always the same record, so a run's data can be rebuilt, and common words are common while a
/// title's theme is rarer, as in a real library.
/// </summary>
public static class GeneratedPractices
{
    /// <summary>What a user of the library types: one inflected or gendered word, words in ASCII spelling, several words.</summary>
    public static readonly IReadOnlyList<string> Queries =
    [
        "Digitallotsinnen",
        "Bürgerbeteiligung",
        "Buergerbeteiligung Reallabor",
        "Mobilität Parkplätze",
        "offene Datenplattform Schnittstellen",
        "Digitalisierung Verwaltung",
        "Schule Tablets",
        "Energie Quartier",
        "Vernissage",
        "Pflege Telemedizin",
        "Kultur digital",
        "Wirtschaftsförderung Gründerinnen",
    ];

    sealed record Theme(string Topic, string[] Titles, string Goal, string[] Sentences, string[] SdgTargets, string[] Beneficiaries);

    static readonly Theme[] Themes =
    [
        new("Verwaltung",
            ["Digitallotsinnen und Digitallotsen", "Digitales Bürgeramt", "E-Akte für alle Ämter", "Onlinedienste nach dem OZG"],
            "Alle städtischen Mitarbeiterinnen und Mitarbeiter für das Thema Digitalisierung sensibilisieren und begeistern.",
            ["In jedem der städtischen Ämter fungieren ein bis drei Mitarbeiterinnen oder Mitarbeiter als Digitallotsinnen oder -lotsen.",
             "Als Multiplikatorinnen und Multiplikatoren informieren sie ihre Kolleginnen und Kollegen über die Aktivitäten der Stadt.",
             "Bürgerservices sollen vollständig digital zu erledigen sein, vom Antrag bis zum Bescheid.",
             "Bisherige Verwaltungsprozesse werden infrage gestellt und angepasst."],
            ["16.6", "16.7"], ["Stadtverwaltung", "Bürgerinnen und Bürger"]),
        new("Mobilität",
            ["Intelligentes Parkraummanagement", "Digitales Verkehrsmanagement", "Mobilitätsplattform für die Region", "Sensoren für den Radverkehr"],
            "Den Verkehr in der Innenstadt flüssiger, sicherer und klimafreundlicher machen.",
            ["Sensoren melden freie Parkplätze in Echtzeit an eine offene Plattform.",
             "Ein intelligentes digitales Verkehrsmanagement verbindet Ampeln, Busse und Parkhäuser.",
             "Pendlerinnen und Pendler finden Verbindungen aus Bus, Bahn und Leihrad in einer Anwendung.",
             "Die Daten stehen Unternehmen und Forschung über offene Schnittstellen zur Verfügung."],
            ["11.2", "9.1"], ["Pendlerinnen und Pendler", "Besucherinnen und Besucher"]),
        new("Bildung",
            ["Tablets für jede Schule", "Medienkompetenz im Klassenzimmer", "Digitale Bildungsplattform", "Makerspace in der Stadtbibliothek"],
            "Schülerinnen und Schüler auf das Lernen und Arbeiten in einer digitalen Welt vorbereiten.",
            ["Alle Schulen erhalten WLAN, Tablets und eine gemeinsame Lernplattform.",
             "Lehrkräfte werden in Fortbildungen für den Unterricht mit digitalen Medien qualifiziert.",
             "In der Stadtbibliothek lernen Kinder und Jugendliche Programmieren und 3D-Druck.",
             "Die Bildungs- und Wissensstadt ist eines der Strategiefelder der Stadtkonzeption."],
            ["4.4", "4.a"], ["Schülerinnen und Schüler", "Lehrkräfte"]),
        new("Kultur",
            ["Museum digital erleben", "Stadtgeschichte als App", "Digitale Kulturplattform", "Kultur digital im Quartier"],
            "Kulturangebote der Stadt für alle sichtbar und digital zugänglich machen.",
            ["Sammlungen der Museen werden digitalisiert und online gezeigt.",
             "Eine App führt auf Spaziergängen durch die Stadtgeschichte.",
             "Vereine und Kulturschaffende veröffentlichen ihre Termine auf einer gemeinsamen Plattform.",
             "Interaktive digitale Anwendungen werden bei einer Vernissage Digital erlebbar gemacht."],
            ["11.4", "4.7"], ["Kulturschaffende", "Besucherinnen und Besucher"]),
        new("Energie",
            ["Smarte Straßenbeleuchtung", "Energiemonitoring für städtische Gebäude", "Klimaneutrales Quartier", "Intelligente Stromnetze"],
            "Eine nachhaltige Energieversorgung sichern und den Verbrauch städtischer Gebäude senken.",
            ["Zähler in Schulen und Verwaltungsgebäuden melden den Energieverbrauch stündlich.",
             "Die Straßenbeleuchtung dimmt sich, wenn niemand unterwegs ist.",
             "Im neuen Quartier werden Wärme, Strom und Mobilität gemeinsam geplant.",
             "Die Stadtwerke steuern Erzeugung und Verbrauch über ein intelligentes Netz."],
            ["7.3", "11.6", "13.2"], ["Stadtwerke", "Bewohnerinnen und Bewohner"]),
        new("Gesundheit",
            ["Telemedizin im ländlichen Raum", "Digitale Pflegeberatung", "Vernetzte Notfallversorgung", "Gesundheitsplattform für Seniorinnen und Senioren"],
            "Die medizinische Versorgung und Pflege auch außerhalb der großen Zentren sichern.",
            ["Hausärztinnen und Hausärzte beraten Patientinnen und Patienten per Videosprechstunde.",
             "Pflegekräfte dokumentieren mobil und haben mehr Zeit für die Pflege.",
             "Ältere Bürgerinnen und Bürger werden in Sprechstunden mit digitalen Angeboten vertraut gemacht.",
             "Die Offenheit für digitale Themen ist keine Frage des Alters."],
            ["3.8", "3.d"], ["Patientinnen und Patienten", "Seniorinnen und Senioren"]),
        new("Beteiligung",
            ["Bürgerbeteiligung online", "Vernissage Digital", "Reallabore für die Stadtentwicklung", "Dialogprozess zur digitalen Agenda"],
            "Bürgerinnen und Bürger an der Gestaltung der digitalen Stadt beteiligen und ihre Rückmeldungen aufnehmen.",
            ["In Reallaboren werden digitale Anwendungen zeitlich befristet erprobt, um die Akzeptanz der Bürgerschaft zu testen.",
             "Eine Vernissage Digital zeigt Zwischenergebnisse und sammelt Rückmeldungen.",
             "Die Bürgerbeteiligung läuft online und in Werkstätten vor Ort.",
             "Der Austausch mit der Zivilgesellschaft ist von zentraler Bedeutung, um Hemmnisse zu überwinden."],
            ["16.7", "11.3"], ["Bürgerinnen und Bürger", "Gemeinderat"]),
        new("Wirtschaft",
            ["Digitale Wirtschaftsförderung", "Gründerinnenzentrum digital", "Lokaler Online-Marktplatz", "Coworking im Rathaus"],
            "Lokale Unternehmen und Gründerinnen und Gründer beim digitalen Wandel unterstützen.",
            ["Die Wirtschaftsförderung berät Händlerinnen und Händler beim Schritt ins Netz.",
             "Ein lokaler Online-Marktplatz bündelt die Angebote der Innenstadt.",
             "Gründerinnen und Gründer finden Räume, Beratung und Netzwerke an einem Ort.",
             "Die Schaffung neuer Arbeitsplätze ist eine der Chancen der digitalen Agenda."],
            ["8.2", "8.3", "9.c"], ["Unternehmen", "Gründerinnen und Gründer"]),
        new("Datenplattform",
            ["Offene Datenplattform", "Urbane Datenplattform mit offenen Schnittstellen", "Open Data Portal", "Digitaler Zwilling der Stadt"],
            "Verschiedenartige Daten auf der gleichen Plattform analysieren und verarbeiten, um Zusammenhänge zu erkennen.",
            ["Alle Projekte, bei denen verwertbare Daten anfallen, werden in eine gemeinsame Datenplattform integriert.",
             "Offene Schnittstellen vereinfachen den Datenaustausch mit Unternehmen und Wissenschaft.",
             "Die Stadt veröffentlicht ihre Daten als Open Data unter einer freien Lizenz.",
             "Ein digitaler Zwilling hilft, Bauvorhaben und Verkehr zu planen."],
            ["9.c", "17.18"], ["Stadtverwaltung", "Unternehmen", "Wissenschaft"]),
    ];

    static readonly string[] CommonSentences =
    [
        "Die Digitalisierung betrifft die gesamte Gesellschaft und bewirkt einen tiefgreifenden Wandel in beinahe jedem Lebensbereich.",
        "Das Projekt ist Teil der Strategie Digitale Stadt und wird regelmäßig im Gemeinderat vorgestellt.",
        "Andere Kommunen im Netzwerk der Netzwerke können das Vorgehen übernehmen und anpassen.",
        "Kommunale Unternehmen und die regionale Wirtschaft sind von Beginn an eingebunden.",
        "Die größte Herausforderung ist nicht die Technik, sondern der kulturelle Wandel.",
    ];

    static readonly string?[] FundingProgrammes = ["Digitale Zukunftskommune@bw", "Modellprojekte Smart Cities", null, null];

    /// <summary>The origin id of practice <paramref name="number"/> at its node (lower case, digits, dashes).</summary>
    public static string OriginId(int number) => $"bench-{number:000000}";

    /// <summary>Practice <paramref name="number"/>; <paramref name="revision"/> above 0 is a later edit of the same practice.</summary>
    public static PracticeRecord Practice(int number, int revision = 0)
    {
        var random = new Random(number * 31 + revision);
        var theme = Themes[number % Themes.Length];
        var title = theme.Titles[random.Next(theme.Titles.Length)];
        var description = string.Join(' ', theme.Sentences.OrderBy(_ => random.Next()).Take(3)
            .Append(CommonSentences[random.Next(CommonSentences.Length)]));
        if (revision > 0)
            description += $" Stand der {revision + 1}. Fassung: die Erfahrungen des ersten Jahres sind eingearbeitet.";
        var start = 2015 + random.Next(10);
        int? end = random.Next(3) == 0 ? start + 1 + random.Next(3) : null;
        var second = Themes[(number / Themes.Length + number) % Themes.Length];
        string[] topics = second == theme ? [theme.Topic] : [theme.Topic, second.Topic];
        return new PracticeRecord(
            Title: $"{title} ({number})",
            Summary: theme.Goal.Split(',')[0].TrimEnd('.'),
            Goal: theme.Goal,
            StartYear: start,
            EndYear: end,
            Description: description,
            Topics: topics,
            SdgTargets: theme.SdgTargets,
            Beneficiaries: theme.Beneficiaries,
            Contacts: [new PracticeContact("Projektleitung", "Amt für Digitales", null, null)],
            FundingProgramme: FundingProgrammes[random.Next(FundingProgrammes.Length)],
            Links: [],
            Visibility: Visibility.Public);
    }

    /// <summary>
    /// Practices <paramref name="firstNumber"/> onwards as one node publishes them: versions ascending from
    /// <paramref name="firstVersion"/>, one per practice (a <paramref name="revision"/> above 0 edits them instead).
    /// </summary>
    public static IReadOnlyList<(RecordOrigin Origin, PracticeRecord Practice)> Publications(Guid origin, int firstNumber, int count,
        long firstVersion = 1, int revision = 0)
    {
        var changedAt = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count)
            .Select(i => (new RecordOrigin(origin, OriginId(firstNumber + i), firstVersion + i, changedAt), Practice(firstNumber + i, revision)))
            .ToList();
    }

    /// <summary>A city's profile in the shape of the Smart City Atlas portrait (revision shows in the motivation).</summary>
    public static CityProfileRecord CityProfile(string city, int revision = 0) => new(
        Organisation: $"Die strategische Steuerung der Digitalisierung in {city} liegt beim Büro des Bürgermeisters.",
        Milestones: [new CityMilestone("2019", "Beschluss der digitalen Agenda"), new CityMilestone("2021", "Start der ersten Reallabore")],
        Motivation: $"Die Lebensqualität der Bürgerinnen und Bürger in {city} verbessern (Fassung {revision + 1}).",
        Stakeholders: "Bürgerschaft, Gemeinderat, Stadtwerke und regionale Wirtschaft.",
        Networks: ["Kommune 2.0 e. V."],
        CompetitionsAndFunding: [],
        Visibility: Visibility.Public);

    /// <summary>An update to a pilot project (Reallabor) the city takes part in.</summary>
    public static ProjectUpdateRecord ProjectUpdate(string city, int number) => new(
        ProjectKey: "reallabor-digitale-stadt",
        Title: $"Vernissage Digital in {city}",
        Text: "Zwischenergebnisse wurden Verwaltung, Gemeinderat und Bürgerschaft vorgestellt; die Rückmeldungen fließen in die nächste Phase ein.",
        HappenedOn: new DateOnly(2024, 1 + number % 12, 1 + number % 28),
        Visibility: Visibility.Public);
}
