using Kommune20.Portal;
using Kommune20.Portal.Components;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi;
using Kommune20.WebUi.SignIn;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();      // the shared look (WebUi) also when started from the build output
builder.AddServiceDefaults();              // telemetry, health, problem details
builder.AddWebSignIn("k20.portal");        // people sign in at the Registry's issuer; the session is a cookie
builder.AddPortalClients();                // the services' public APIs through the gateway, with the person's token
builder.Services.AddRazorComponents();

var app = builder.Build();
app.MapDefaultEndpoints();                 // /health/live, /health/ready
app.UseWebUi();                            // German culture, German error pages, antiforgery
app.MapStaticAssets();
app.MapWebSignIn();                        // /anmelden, /abmelden
app.MapRazorComponents<App>();
app.Run();
