using Kommune20.CityNode;
using Kommune20.CityNode.Data;
using Kommune20.CityNode.Drafts;
using Kommune20.CityNode.Federation;
using Kommune20.CityNode.Network;
using Kommune20.CityNode.Pages;
using Kommune20.CityNode.Records;
using Kommune20.CityNode.Seed;
using Kommune20.Data;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();              // telemetry, health, problem details, token validation
builder.AddServiceDatabase<NodeDb, PostgresNodeDb>("citynode");
builder.AddHubFederation();                // change log, push loop to the hub, client credential (configuration or Dapr)
var settings = NodeSettings.From(builder.Configuration);
builder.AddEditorPolicy(settings);
builder.AddNetworkMembers(settings);        // a network node: the members it publishes for and their consent, from the Registry
builder.AddNodePages(settings);            // the editor's pages: same sign-in and look as the portal
builder.Services.AddHostedService<DemoSeeder>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDraftsInbox();                      // Dapr: CloudEvents with drafts from the city's own systems
app.MapNodeApis(settings);                 // records, federation state; a network node's desk and handover, a city node's takeover
app.MapWebPages<App>();                    // German culture and error pages, /anmelden, /abmelden, the editor's pages
app.Run();

public partial class Program;
