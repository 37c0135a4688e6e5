using Kommune20.Projects.Data;

namespace Kommune20.Projects.Updates;

public static class UpdateQueries
{
    /// <summary>A project's shown updates, newest first: not quarantined, not withdrawn.</summary>
    public static IQueryable<ProjectUpdate> ShownUpdates(this ProjectsDb db, Guid projectId) =>
        db.Updates.Where(u => u.ProjectId == projectId && u.QuarantineReason == null && !u.IsWithdrawn && u.Record != null)
            .OrderByDescending(u => u.PostedAt).ThenBy(u => u.Id);
}
