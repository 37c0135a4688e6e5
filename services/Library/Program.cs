using Kommune20.Data;
using Kommune20.Library;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Catalog;
using Kommune20.Library.Data;
using Kommune20.Library.Office;
using Kommune20.Library.Portraits;
using Kommune20.Library.Practices;
using Kommune20.Messaging;
using Kommune20.Registry.Client;
using Kommune20.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();                                   // telemetry, health, problem details, token validation
builder.AddServiceDatabase<LibraryDb, PostgresLibraryDb>("library");               // replicas, portraits, adoptions, member cards, outbox and inbox
builder.AddMessaging<LibraryDb>("library", typeof(PracticePublishedConsumer).Assembly);
builder.AddLibraryRecords();
builder.AddLibrarySearch();                                     // the Lucene index and its indexer
builder.AddRegistryClient("Library");                          // who the members are (gRPC, the library's own client credential)

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapLibraryPracticesApi();
app.MapAdoptionsApi();
app.MapPortraitsApi();
app.MapCatalogApi();
app.MapOfficeApi();
app.MapOutboxApi("library");
app.Run();

public partial class Program;
