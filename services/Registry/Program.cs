using Kommune20.Data.Audit;
using Kommune20.Data;
using Kommune20.Messaging;
using Kommune20.Registry.Clients;
using Kommune20.Registry.Data;
using Kommune20.Registry.Grpc;
using Kommune20.Registry.Identity;
using Kommune20.Registry.Members;
using Kommune20.Registry.People;
using Kommune20.Registry.Seed;
using Kommune20.ServiceDefaults.Security;
using Kommune20.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<RegistryDb, PostgresRegistryDb>("registry", migrateAfterListening: true); // listens at once; ready after the startup work
builder.AddRegisterSnapshot();                // members and the network graph in memory for lookups
builder.AddMessaging<RegistryDb>("registry", typeof(RegisterChangedElsewhere).Assembly); // publishes the register's changes, hears other instances'
builder.AddRegistryIdentity();
builder.Services.AddGrpc();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<ClientProvisioning>();
builder.Services.AddStartupWork<DemoSeeder>();   // after the migrations and the web clients

var app = builder.Build();
app.MapDefaultEndpoints(beforeAuthentication: pipeline => pipeline.UseTokenEndpointThrottle());
app.UseAntiforgery();
app.MapMembersApi();
app.MapNetworksApi();
app.MapPeopleApi();
app.MapClientsApi();
app.MapLockoutsApi();
app.MapOutboxApi("registry");
app.MapConnectApi();
app.MapAccountApi();
app.MapAuditLogApi<RegistryDb>("/api/registry/office/audit");   // the office's actions, append-only
app.MapGrpcService<RegistryGrpcService>().RequireAuthorization(Policies.Authenticated);
app.Run();

public partial class Program;
