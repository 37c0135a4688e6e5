using Kommune20.Portal;
using Kommune20.Portal.Components;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();              // telemetry, health, problem details
builder.AddWebPages("k20.portal");         // server-rendered pages, shared look, sign-in at the Registry's issuer
builder.AddPortalClients();                // the services' public APIs through the gateway, with the person's token

var app = builder.Build();
app.MapDefaultEndpoints();                 // /health/live, /health/ready
app.MapWebPages<App>();                    // German culture and error pages, /anmelden, /abmelden, the pages
app.Run();
