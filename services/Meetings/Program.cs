using Kommune20.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();                                   // telemetry, health, problem details, token validation

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
