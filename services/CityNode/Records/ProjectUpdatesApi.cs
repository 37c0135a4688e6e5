using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>The city's updates to pilot projects it takes part in (e.g. a Reallabor's "Vernissage Digital").</summary>
public static class ProjectUpdatesApi
{
    public static readonly RecordType<ProjectUpdateRecord> ProjectUpdates =
        new(RecordDescriptors.ProjectUpdate, "project-updates", "Project updates");

    public static RouteGroupBuilder MapProjectUpdatesApi(this IEndpointRouteBuilder app) => app.MapCityRecords(ProjectUpdates);
}
