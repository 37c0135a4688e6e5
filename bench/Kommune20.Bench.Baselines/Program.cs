using Kommune20.Bench.Baselines;

// What the benchmarks measure the services against, started as a process of its own like a service:
// Baseline=empty is an empty ASP.NET Core app (cold start), Baseline=greeter a hello-world gRPC server (unary calls).
var builder = WebApplication.CreateBuilder(args);
var greeter = builder.Configuration["Baseline"] == "greeter";
if (greeter)
    builder.Services.AddGrpc();

var app = builder.Build();
app.MapGet("/health/ready", () => "ready");
if (greeter)
    app.MapGrpcService<GreeterService>();
app.Run();
