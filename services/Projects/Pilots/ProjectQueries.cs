using Kommune20.Projects.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Projects.Pilots;

public static class ProjectQueries
{
    /// <summary>The project with its members, partners, history and milestones; tracked for a change unless <paramref name="tracked"/> is false.</summary>
    public static Task<PilotProject?> FindProjectAsync(this ProjectsDb db, string key, CancellationToken ct, bool tracked = true)
    {
        var projects = db.Projects.Include(p => p.Participants).Include(p => p.Partners).Include(p => p.PhaseChanges).Include(p => p.Milestones)
            .AsSplitQuery();
        return (tracked ? projects : projects.AsNoTracking()).FirstOrDefaultAsync(p => p.Key == key, ct);
    }
}
