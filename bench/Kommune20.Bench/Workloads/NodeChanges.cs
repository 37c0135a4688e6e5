using Kommune20.Contracts.Federation;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;

namespace Kommune20.Bench.Workloads;

/// <summary>What simulated nodes have queued for the hub, as the push client sends it.</summary>
public static class NodeChanges
{
    /// <summary>The origin id of a city's profile, as every node names it.</summary>
    public const string ProfileId = "stadtprofil";

    /// <summary>How many changes <see cref="QueuedDuringOutage"/> queues.</summary>
    public const int PerOutage = 5;

    public static IReadOnlyList<Change> Of(IReadOnlyList<(RecordOrigin Origin, PracticeRecord Practice)> publications) =>
        publications.Select(p => RecordMessages.Published(p.Origin.OriginId, p.Origin.Version, p.Origin.ChangedAt, p.Practice)).ToList();

    /// <summary>
    /// Five changes a city made while the hub was away, versions from <paramref name="firstVersion"/>: a practice
    /// published and then edited, its profile, an update to a pilot project and a second practice. The practices are
    /// numbered from <paramref name="firstPractice"/>; a later batch of five (firstVersion 6) edits the same records again.
    /// </summary>
    public static IReadOnlyList<Change> QueuedDuringOutage(SimulatedCity city, int firstPractice, long firstVersion = 1)
    {
        var changedAt = DateTimeOffset.UtcNow;
        var revision = (int)(firstVersion - 1) / PerOutage * 2;
        return
        [
            RecordMessages.Published(GeneratedPractices.OriginId(firstPractice), firstVersion, changedAt, GeneratedPractices.Practice(firstPractice, revision)),
            RecordMessages.Published(GeneratedPractices.OriginId(firstPractice), firstVersion + 1, changedAt, GeneratedPractices.Practice(firstPractice, revision + 1)),
            RecordMessages.Published(ProfileId, firstVersion + 2, changedAt, GeneratedPractices.CityProfile(city.Name, revision)),
            RecordMessages.Published($"vernissage-{city.Number}", firstVersion + 3, changedAt, GeneratedPractices.ProjectUpdate(city.Name, city.Number + revision)),
            RecordMessages.Published(GeneratedPractices.OriginId(firstPractice + 1), firstVersion + 4, changedAt, GeneratedPractices.Practice(firstPractice + 1, revision)),
        ];
    }
}
