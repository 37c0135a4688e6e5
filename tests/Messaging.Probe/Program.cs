using Kommune20.Data;
using Kommune20.Messaging;
using Kommune20.Messaging.Probe;
using Kommune20.ServiceDefaults;

// A minimal service for the messaging fault tests: it commits numbered events through the outbox and, with
// Probe:Consume, counts the events it receives, so a test can kill it, restart it and compare the counts.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<ProbeDb, PostgresProbeDb>("probe");
builder.AddMessaging<ProbeDb>(builder.Configuration["Probe:Name"] ?? "probe",
    builder.Configuration.GetValue<bool>("Probe:Consume") ? [typeof(ProbeEventConsumer).Assembly] : []);
builder.Services.AddSingleton<RedeliveryCount>();

var app = builder.Build();
app.Services.GetRequiredService<RedeliveryCount>(); // listening from the start, not from the first question
app.MapDefaultEndpoints();
app.MapProbeApi();
app.Run();
