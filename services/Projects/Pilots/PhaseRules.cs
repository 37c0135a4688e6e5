using Kommune20.Contracts.Projects;

namespace Kommune20.Projects.Pilots;

/// <summary>
/// The phases a project may move through, and the time box every Reallabor has: a project does not start or go on running
/// past its end unless the end was extended, which is an act of its own (<see cref="RefuseExtension"/>).
/// </summary>
public static class PhaseRules
{
    static readonly Dictionary<ProjectPhase, ProjectPhase[]> Allowed = new()
    {
        [ProjectPhase.Proposed] = [ProjectPhase.Approved, ProjectPhase.Stopped],
        [ProjectPhase.Approved] = [ProjectPhase.Running, ProjectPhase.Stopped],
        [ProjectPhase.Running] = [ProjectPhase.Evaluating, ProjectPhase.Stopped],
        [ProjectPhase.Evaluating] = [ProjectPhase.Completed, ProjectPhase.Stopped],
        [ProjectPhase.Completed] = [],
        [ProjectPhase.Stopped] = [],
    };

    public static IReadOnlyList<ProjectPhase> Next(ProjectPhase phase) => Allowed[phase];

    public static bool IsFinal(ProjectPhase phase) => Allowed[phase].Length == 0;

    /// <summary>Why the project may not move to <paramref name="to"/> today, or null when it may.</summary>
    public static string? RefuseTransition(PilotProject project, ProjectPhase to, DateOnly today)
    {
        if (!Allowed[project.Phase].Contains(to))
            return IsFinal(project.Phase)
                ? $"Das Projekt ist {PhaseNames.Of(project.Phase)}; danach folgt keine Phase mehr."
                : $"Aus der Phase „{PhaseNames.Of(project.Phase)}“ geht es nur nach {string.Join(" oder ", Allowed[project.Phase].Select(p => $"„{PhaseNames.Of(p)}“"))}, "
                  + $"nicht nach „{PhaseNames.Of(to)}“.";
        if (to == ProjectPhase.Running && today > project.EndsOn)
            return $"Die Laufzeit endete am {project.EndsOn:dd.MM.yyyy}: ein Reallabor läuft nicht über sein Ende hinaus. "
                   + "Verlängern Sie es zuerst ausdrücklich.";
        if (to == ProjectPhase.Running && today < project.StartsOn)
            return $"Die Laufzeit beginnt erst am {project.StartsOn:dd.MM.yyyy}.";
        return null;
    }

    /// <summary>Why the end may not move to <paramref name="newEnd"/>, or null when it may.</summary>
    public static string? RefuseExtension(PilotProject project, DateOnly newEnd)
    {
        if (project.Phase is not (ProjectPhase.Proposed or ProjectPhase.Approved or ProjectPhase.Running))
            return $"In der Phase „{PhaseNames.Of(project.Phase)}“ wird die Laufzeit nicht mehr verlängert.";
        if (newEnd <= project.EndsOn)
            return $"Eine Verlängerung setzt das Ende nach den {project.EndsOn:dd.MM.yyyy}.";
        return null;
    }

    /// <summary>A running project whose time box has ended: it must be extended, evaluated or stopped.</summary>
    public static bool IsOverrun(PilotProject project, DateOnly today) => project.Phase == ProjectPhase.Running && today > project.EndsOn;
}
