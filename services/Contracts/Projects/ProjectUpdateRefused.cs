using Kommune20.Contracts.Federation;

namespace Kommune20.Contracts.Projects;

/// <summary>
/// The hub quarantined an update a city node delivered: the city does not take part in the project (<c>permission-denied</c>),
/// or there is no such project (<c>invalid-argument</c>). The federation keeps it with the reason in the city's quarantine,
/// which the city sees on its node, until a newer version of the update replaces it.
/// </summary>
public sealed record ProjectUpdateRefused(RecordOrigin Origin, ProjectUpdateRecord Update, string Code, string Field, string Reason,
    DateTimeOffset RefusedAt);
