using Kommune20.Gateway;
using Kommune20.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();              // telemetry, health, problem details, token validation
builder.AddGatewayProxy();                 // YARP routes and clusters from the ReverseProxy section
builder.AddGatewayRateLimiting();          // per-client limits on everything proxied

var app = builder.Build();
app.MapDefaultEndpoints();                 // /health/live, /health/ready (includes the clusters)
app.UseVisitorAddress();                   // the portal's calls for a visitor count as the visitor's
app.UseRateLimiter();
app.MapApiReference();                     // /api/docs over every service's OpenAPI document
app.MapGatewayProxy();
app.Run();
