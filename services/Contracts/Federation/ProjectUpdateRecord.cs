namespace Kommune20.Contracts.Federation;

/// <summary>A city's update to a shared pilot project (Reallabor): what happened, e.g. a "Vernissage Digital" with interim results.</summary>
public sealed record ProjectUpdateRecord(string ProjectKey, string Title, string Text, DateOnly? HappenedOn, Visibility Visibility);
