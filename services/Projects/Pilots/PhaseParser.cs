using Kommune20.Contracts.Projects;

namespace Kommune20.Projects.Pilots;

/// <summary>Reads a phase as the API writes it (<c>running</c>), so a query parameter and a body say it the same way.</summary>
public static class PhaseParser
{
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<ProjectPhase>().Select(Name).ToList();

    public static string Name(ProjectPhase phase) => phase.ToString().ToLowerInvariant();

    public static ProjectPhase? TryParse(string? text) =>
        Enum.GetValues<ProjectPhase>().Cast<ProjectPhase?>().FirstOrDefault(p => Name(p!.Value) == text?.Trim().ToLowerInvariant());
}
