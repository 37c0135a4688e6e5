using Kommune20.Data;
using Kommune20.Data.Audit;
using Kommune20.Messaging;
using Kommune20.Projects;
using Kommune20.Projects.Acceptance;
using Kommune20.Projects.Catalog;
using Kommune20.Projects.Data;
using Kommune20.Projects.Pilots;
using Kommune20.Projects.Updates;
using Kommune20.Registry.Client;
using Kommune20.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();                                   // telemetry, health, problem details, token validation
builder.AddServiceDatabase<ProjectsDb, PostgresProjectsDb>("projects");             // projects, milestones, updates, acceptance, audit log, outbox, inbox
builder.AddMessaging<ProjectsDb>("projects", typeof(ProjectUpdatePostedConsumer).Assembly); // consumes the nodes' project updates and practices; publishes
                                                                // ProjectProposed, ProjectPhaseChanged, ProjectUpdatePosted, MilestoneDue, AcceptanceMeasured, ProjectUpdateRefused,
                                                                // TransferReportPublished
builder.AddPilotProjects();                                     // the register's members, node updates and their quarantine, overdue milestones
builder.AddRegistryClient("Projects");                          // who the members are (gRPC, the service's own client credential)

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProjectsApi();
app.MapMilestonesApi();
app.MapUpdatesApi();
app.MapAcceptanceApi();
app.MapProjectCatalogApi();                                     // DCAT-AP.de, a part of the library's open-data catalogue
app.MapOutboxApi("projects");
app.MapAuditLogApi<ProjectsDb>("/api/projects/office/audit");   // every change to a project, append-only
app.Run();

public partial class Program;
