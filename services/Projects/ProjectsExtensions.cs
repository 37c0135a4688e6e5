using Kommune20.Projects.Pilots;
using Kommune20.Projects.Seed;
using Kommune20.Projects.Transfer;
using Kommune20.Projects.Updates;

namespace Kommune20.Projects;

public static class ProjectsExtensions
{
    /// <summary>
    /// Pilot projects: the register's members they name (gRPC), the node updates' replicas and quarantine, the transfer
    /// reports the lead cities publish as practices, the watch on overdue milestones; with <c>Seed:DemoData=true</c> the demo's projects.
    /// </summary>
    public static IHostApplicationBuilder AddPilotProjects(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<MemberDirectory>();
        builder.Services.AddScoped<NodeUpdates>();
        builder.Services.AddScoped<TransferReports>();
        builder.Services.AddHostedService<MilestoneWatch>();
        if (builder.Configuration.GetValue("Seed:DemoData", false))
            builder.Services.AddHostedService<DemoProjects>();
        return builder;
    }
}
