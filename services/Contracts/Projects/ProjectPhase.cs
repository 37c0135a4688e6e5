namespace Kommune20.Contracts.Projects;

/// <summary>Where a pilot project (Reallabor) stands. A Reallabor always ends: completed after its evaluation, or stopped.</summary>
public enum ProjectPhase
{
    Proposed,
    Approved,
    Running,
    Evaluating,
    Completed,
    Stopped,
}
