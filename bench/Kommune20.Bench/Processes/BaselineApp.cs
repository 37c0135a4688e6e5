using Kommune20.Testing;

namespace Kommune20.Bench.Processes;

/// <summary>The baselines project (bench/Kommune20.Bench.Baselines) as a process of its own, started the way services are.</summary>
public static class BaselineApp
{
    public const string Empty = "empty";
    public const string Greeter = "greeter";
    public const string Broadcast = "broadcast";

    public const string ProjectFolder = "bench/Kommune20.Bench.Baselines";
    public const string AssemblyName = "Kommune20.Bench.Baselines";

    /// <summary>Its assembly, built in the bench's own configuration.</summary>
    public static string Dll => RepoPaths.Dll(ProjectFolder, AssemblyName);

    /// <summary>The environment of a baseline on fresh loopback ports: HTTP/1.1 for readiness, HTTP/2 for gRPC.</summary>
    public static (Uri Http, Uri Grpc, Dictionary<string, string> Environment) Settings(string baseline)
    {
        var http = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var grpc = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        return (http, grpc, new Dictionary<string, string>
        {
            ["Baseline"] = baseline,
            ["Kestrel__Endpoints__Http__Url"] = http.AbsoluteUri.TrimEnd('/'),
            ["Kestrel__Endpoints__Grpc__Url"] = grpc.AbsoluteUri.TrimEnd('/'),
            ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
        });
    }

    public static async Task<(ServiceProcess Process, Uri Grpc)> StartAsync(string baseline)
    {
        var (http, grpc, environment) = Settings(baseline);
        var process = ServiceProcess.Start(baseline, Dll, http, environment);
        try
        {
            await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return (process, grpc);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
