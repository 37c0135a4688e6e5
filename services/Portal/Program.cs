using Kommune20.Portal;
using Kommune20.Portal.Components;
using Kommune20.Portal.Exchange;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();              // telemetry, health, problem details
builder.AddWebPages("k20.portal",          // server-rendered pages, shared look, sign-in at the Registry's issuer;
    components: razor => razor.AddInteractiveServerComponents()); // the live room's page alone runs interactively
builder.AddPortalClients();                // the services' public APIs through the gateway, with the person's token

var app = builder.Build();
app.MapDefaultEndpoints();                 // /health/live, /health/ready
app.MapWebPages<App>(pages => pages.AddInteractiveServerRenderMode()); // German culture and error pages, /anmelden, /abmelden, the pages
app.MapCompiledStatements();               // an exchange session's statements, read with the visitor's token
app.Run();
