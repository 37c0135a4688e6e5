namespace Kommune20.Contracts.Meetings;

/// <summary>The moderators published an exchange session's results (its compiled statements) to the network.</summary>
public sealed record SessionResultsPublished(Guid SessionId, string Title, int Panelists, int Statements, DateTimeOffset PublishedAt);
