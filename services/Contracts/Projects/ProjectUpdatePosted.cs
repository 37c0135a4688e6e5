namespace Kommune20.Contracts.Projects;

/// <summary>
/// An update a participating city or partner posted, from a city node or in the portal, once the hub accepted it; an update
/// from anyone else is quarantined and never announced.
/// </summary>
public sealed record ProjectUpdatePosted(string Key, string ProjectTitle, Guid UpdateId, string Title, Guid AuthorMemberId,
    DateOnly? HappenedOn, DateTimeOffset PostedAt);
