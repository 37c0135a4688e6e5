using Kommune20.Contracts.Federation;

namespace Kommune20.Contracts.Projects;

/// <summary>
/// The hub quarantined an update a city node delivered: the city does not take part in the project, or there is no such
/// project. The federation keeps it with the reason in the city's quarantine, which the city sees on its node.
/// </summary>
public sealed record ProjectUpdateRefused(RecordOrigin Origin, string ProjectKey, string Field, string Reason, DateTimeOffset RefusedAt);
