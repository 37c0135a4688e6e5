using Kommune20.Bench.Baselines;

// What the benchmarks measure the services against, started as a process of its own like a service:
// Baseline=empty is an empty ASP.NET Core app (cold start), Baseline=greeter a hello-world gRPC server (unary calls),
// Baseline=broadcast a bare SignalR room whose broadcast a POST triggers (the live room).
var builder = WebApplication.CreateBuilder(args);
var baseline = builder.Configuration["Baseline"];
if (baseline == "greeter")
    builder.Services.AddGrpc();
if (baseline == "broadcast")
    builder.Services.AddSignalR();

var app = builder.Build();
app.MapGet("/health/ready", () => "ready");
if (baseline == "greeter")
    app.MapGrpcService<GreeterService>();
if (baseline == "broadcast")
    BroadcastHub.Map(app);
app.Run();
