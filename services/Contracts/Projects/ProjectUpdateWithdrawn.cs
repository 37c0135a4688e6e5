namespace Kommune20.Contracts.Projects;

/// <summary>A shown update to a project was withdrawn by its city; followers hear it as a withdrawal and feeds drop it.</summary>
public sealed record ProjectUpdateWithdrawn(string Key, Guid UpdateId, Guid AuthorMemberId, DateTimeOffset WithdrawnAt);
