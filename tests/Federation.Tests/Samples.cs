using Google.Protobuf.WellKnownTypes;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;
using Kommune20.Testing;
using Visibility = Kommune20.Contracts.Federation.Visibility;

namespace Kommune20.Federation.Tests;

/// <summary>Records from the seed documents (the Heidelberg project sheet), as a record and as a node sends it.</summary>
public static class Samples
{
    public static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    public static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");
    public static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");
    public static readonly Guid DigihubSuedbaden = Guid.Parse("6b0e2f1a-0008-4c20-9a20-000000000008");
    static readonly DateTimeOffset ChangedAt = new(2019, 10, 1, 9, 0, 0, TimeSpan.Zero);

    public static PracticeRecord Digitallotsen => PracticeSamples.Digitallotsen();

    /// <summary>The Digitallotsen sheet as a pushed change; <paramref name="edit"/> adjusts the message before it is sent.</summary>
    public static Change PracticeChange(string originId, long version, Action<Practice>? edit = null)
    {
        var practice = new Practice
        {
            Title = "Digitallotsinnen und Digitallotsen",
            Summary = "Wegweiser Richtung Digitalisierung",
            Goal = "Alle städtischen Mitarbeiterinnen und Mitarbeiter für das Thema Digitalisierung sensibilisieren und begeistern.",
            StartYear = 2019,
            Description = "In jedem der knapp 40 städtischen Ämter fungieren ein bis drei Mitarbeiterinnen oder Mitarbeiter als Digitallotsinnen oder -lotsen.",
            FundingProgramme = "Digitale Zukunftskommune@bw",
            Visibility = Grpc.Visibility.Public,
        };
        practice.Topics.Add("Verwaltung");
        practice.SdgTargets.Add("16.6");
        practice.Beneficiaries.Add("Bürgerinnen und Bürger");
        practice.Contacts.Add(new Contact { Role = "Projektbeteiligte", Organisation = "Stadt Heidelberg, Amt für Digitales und Informationsverarbeitung" });
        practice.Links.Add(new Link { Title = "Digital-Lotsen", Url = "https://www.heidelberg.de/Digitale-Stadt,Lde/startseite/projekte/digital+lotsen.html" });
        edit?.Invoke(practice);
        return new Change { OriginId = originId, Version = version, ChangedAt = Timestamp.FromDateTimeOffset(ChangedAt), Practice = practice };
    }

    public static Change Tombstone(string originId, long version) => new()
    {
        OriginId = originId,
        Version = version,
        ChangedAt = Timestamp.FromDateTimeOffset(ChangedAt),
        Tombstone = new Tombstone { Kind = RecordKindCode.Practice },
    };
}
