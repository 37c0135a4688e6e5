namespace Kommune20.Projects.Updates;

public sealed record UpdateInput(string? Title, string? Text, DateOnly? HappenedOn);
