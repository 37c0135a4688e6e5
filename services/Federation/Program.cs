using Kommune20.Data;
using Kommune20.Federation;
using Kommune20.Federation.Api;
using Kommune20.Federation.Data;
using Kommune20.Federation.Quarantine;
using Kommune20.Federation.Grpc;
using Kommune20.Messaging;
using Kommune20.Registry.Client;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();              // telemetry, health, problem details, token validation
builder.AddServiceDatabase<FederationDb, PostgresFederationDb>("federation");
builder.AddMessaging<FederationDb>("federation", typeof(ProjectUpdateRefusedConsumer).Assembly);
builder.AddFederationHub();                // replica writer (group commit), provenance check
builder.AddRegistryClient("Federation");   // whether a member may relay for a network (gRPC, the service's own client credential)

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPracticeReplicasApi();
app.MapPublishersApi();
app.MapStateApi();
app.MapOutboxApi("federation");
app.MapGrpcService<FederationGrpcService>().RequireAuthorization(Policies.CityNode);
app.Run();

public partial class Program;
