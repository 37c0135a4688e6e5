namespace Kommune20.Contracts.Federation;

/// <summary>
/// The 169 targets of the UN Sustainable Development Goals ("16.6": effective, accountable and transparent
/// institutions). Each goal has numbered targets and lettered means of implementation; goal 17 has only numbered ones.
/// </summary>
public static class SdgTargets
{
    // (goal, numbered targets, lettered targets), from the UN's 2030 Agenda (A/RES/70/1).
    static readonly (int Goal, int Numbered, int Lettered)[] Goals =
    [
        (1, 5, 2), (2, 5, 3), (3, 9, 4), (4, 7, 3), (5, 6, 3), (6, 6, 2), (7, 3, 2), (8, 10, 2), (9, 5, 3),
        (10, 7, 3), (11, 7, 3), (12, 8, 3), (13, 3, 2), (14, 7, 3), (15, 9, 3), (16, 10, 2), (17, 19, 0),
    ];

    public static IReadOnlySet<string> All { get; } = Goals
        .SelectMany(goal => Enumerable.Range(1, goal.Numbered).Select(n => $"{goal.Goal}.{n}")
            .Concat(Enumerable.Range(0, goal.Lettered).Select(l => $"{goal.Goal}.{(char)('a' + l)}")))
        .ToHashSet(StringComparer.Ordinal);

    public static bool Exists(string? target) => target is not null && All.Contains(Canonical(target));

    /// <summary>The one way a target is written: trimmed, its letter lower-case ("16.A" becomes "16.a"). Null stays null.</summary>
    public static string Canonical(string target) => target?.Trim().ToLowerInvariant()!;
}
