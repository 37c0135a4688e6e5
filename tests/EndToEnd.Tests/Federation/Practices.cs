using Kommune20.Contracts.Federation;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.Testing;
using Visibility = Kommune20.Contracts.Federation.Visibility;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>Practices from the seed documents, and changes carrying them as a node would push them.</summary>
public static class Practices
{
    public static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    public static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");
    public static readonly Guid Freiburg = Guid.Parse("6b0e2f1a-0004-4c20-9a20-000000000004");
    public static readonly Guid Heilbronn = Guid.Parse("6b0e2f1a-0005-4c20-9a20-000000000005");
    public static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");

    /// <summary>A member of the Metropolregion without a node of its own, which consented to the region publishing for it.</summary>
    public static readonly Guid Weinheim = Guid.Parse("6b0e2f1a-0013-4c20-9a20-000000000013");

    /// <summary>A member of the Metropolregion that did not consent.</summary>
    public static readonly Guid Schwetzingen = Guid.Parse("6b0e2f1a-0014-4c20-9a20-000000000014");

    /// <summary>Heidelberg's project sheet (seeds/004); <paramref name="title"/> tells generated ones apart.</summary>
    public static PracticeRecord Digitallotsen(string title = "Digitallotsinnen und Digitallotsen") =>
        PracticeSamples.Digitallotsen() with { Title = title };

    public static Change Published(string originId, long version, PracticeRecord practice) =>
        RecordMessages.Published(originId, version, DateTimeOffset.UtcNow, practice);

    public static Change Withdrawn(string originId, long version) =>
        RecordMessages.Withdrawn(originId, version, DateTimeOffset.UtcNow, RecordKind.Practice);
}
