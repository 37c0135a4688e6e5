using Kommune20.Portal.Projects;
using Kommune20.Portal.Registry;

namespace Kommune20.Portal.Notifications;

/// <summary>
/// The titles and names behind the keys and ids subscriptions follow, asked of Projects and the Registry only when a
/// subscription names a project or a member.
/// </summary>
public sealed record FollowedNames(IReadOnlyDictionary<string, string> Projects, IReadOnlyDictionary<Guid, string> Members)
{
    public static async Task<FollowedNames> LoadAsync(IReadOnlyCollection<Following> targets, ProjectsClient projects, RegistryClient registry,
        CancellationToken ct = default)
    {
        var titles = targets.Any(t => t.ProjectKey is not null)
            ? (await projects.AllAsync(ct)).ToDictionary(p => p.Key, p => p.Title)
            : [];
        var names = await registry.NamesOfAsync(targets.Select(t => t.MemberId).OfType<Guid>(), ct);
        return new FollowedNames(titles, names);
    }

    /// <summary>Whether every project and member the target names exists.</summary>
    public bool Knows(Following target) =>
        (target.ProjectKey is not { } key || Projects.ContainsKey(key)) && (target.MemberId is not { } id || Members.ContainsKey(id));

    public string Project(string key) => Projects.GetValueOrDefault(key) ?? key;

    public string Member(Guid id) => Members.GetValueOrDefault(id) ?? "ein Mitglied, das das Register nicht mehr kennt";
}
