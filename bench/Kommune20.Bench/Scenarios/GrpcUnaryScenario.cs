using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Kommune20.Bench.Greeter;
using Kommune20.Bench.Load;
using Kommune20.Bench.Measuring;
using Kommune20.Bench.Processes;
using Kommune20.Registry.Grpc;

namespace Kommune20.Bench.Scenarios;

/// <summary>A unary gRPC call between services (the Registry's GetMember, with a token) against a hello-world gRPC server.</summary>
public sealed class GrpcUnaryScenario : IScenario
{
    public string Id => "grpc-unary";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var (greeterProcess, greeterAddress) = await BaselineApp.StartAsync(BaselineApp.Greeter);
        await using var greeterServer = greeterProcess;
        var registryPid = context.HubProcesses["registry"];

        using var greeterChannel = GrpcChannels.Open(greeterAddress);
        var greeter = new Greeter.Greeter.GreeterClient(greeterChannel);
        var hello = new HelloRequest { Name = "Heidelberg" };

        using var registryChannel = GrpcChannels.Open(context.Hub.RegistryGrpc);
        var registry = new Registry.Grpc.Registry.RegistryClient(registryChannel);
        var token = new Metadata { { "Authorization", "Bearer " + await context.CityNodeTokenAsync() } };
        var member = new GetMemberRequest { MemberId = await AnyMemberIdAsync(context.Hub.Registry, cancellationToken) };

        var pairs = await AlternatingPairs.RunAsync(settings.Pairs,
            pair => MeasureAsync($"Registry GetMember (pair {pair + 1})", registryPid, settings,
                (ct) => registry.GetMemberAsync(member, token, cancellationToken: ct).ResponseAsync, cancellationToken),
            pair => MeasureAsync($"hello-world server (pair {pair + 1})", greeterServer.Id, settings,
                (ct) => greeter.SayHelloAsync(hello, cancellationToken: ct).ResponseAsync, cancellationToken));

        var errors = pairs.Sum(p => p.Subject.Errors + p.Baseline.Errors);
        IReadOnlyList<Check> checks =
        [
            Check.OfPairs("calls/s of GetMember / hello world", [.. pairs.Select(p => Check.Ratio(p.Subject.Throughput!.Value, p.Baseline.Throughput!.Value))],
                "", GoalDirection.AtLeast, 0.7, errors),
            Check.OfPairs("server CPU per call, hello world / GetMember", [.. pairs.Select(p => p.Subject.ServerCpuMs is { } subject ? Check.Ratio(p.Baseline.ServerCpuMs ?? 0, subject) : 0)],
                "", GoalDirection.AtLeast, 0.7, errors),
        ];
        var profile = await context.ProfileIfMissedAsync(Id, checks, new Dictionary<string, int> { ["registry"] = registryPid },
            () => ClosedLoop.RunAsync(settings.Saturating, (_, ct) => registry.GetMemberAsync(member, token, cancellationToken: ct).ResponseAsync, cancellationToken),
            cancellationToken);

        return new ScenarioResult(Id, "gRPC: unary call between services", "a hello-world gRPC server on the same machine")
        {
            Measurements = [.. pairs.SelectMany(p => new[] { p.Baseline, p.Subject })],
            Checks = checks,
            Profile = profile,
            Notes =
            [
                $"{settings.Connections} concurrent calls over one channel (HTTP/2, cleartext) from the bench process, a .NET gRPC client.",
                "GetMember validates the caller's token (a city node's client credentials; the same token every call, which the Registry remembers once checked) and reads the member from the Registry's register in memory; the hello-world server answers from memory without looking at the caller. A gRPC call is authenticated with its bearer token only: OpenIddict's server, which looks at every other request for an endpoint of its own, is kept off the gRPC path (ServiceDefaults/Security/GrpcAuthentication.cs); the baseline gets no JWT check.",
                $"GetMember and hello world in turns, {settings.Pairs} pair(s); each goal is the median of its pairs. Server CPU per call: the server process's CPU time over the calls it answered, hello world's over GetMember's (0.7 means GetMember costs the server about 1.4 times as much).",
            ],
        };
    }

    static async Task<Measurement> MeasureAsync(string label, int serverPid, BenchSettings settings,
        Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var meter = new CpuMeter().Watch("server", serverPid).Watch("client", Environment.ProcessId);
        var (load, cpu) = await meter.MeasureAsync(() => ClosedLoop.RunAsync(settings.Saturating, (_, ct) => call(ct), cancellationToken), cancellationToken);
        var measured = Measurement.Of(label, load, "calls/s", cpu).WithServerCpu("server");
        Console.WriteLine($"    {label}: {Figures.Format(load.Throughput)} calls/s, server CPU {Figures.Format(measured.ServerCpuMs ?? double.NaN)} ms/call, "
            + $"p50 {Figures.Format(load.Latency.P50)} ms, p99 {Figures.Format(load.Latency.P99)} ms, {load.Errors} errors");
        return measured;
    }

    static async Task<string> AnyMemberIdAsync(Uri registry, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = registry };
        var page = await http.GetFromJsonAsync<JsonElement>("/api/registry/members?pageSize=1", cancellationToken);
        return page.GetProperty("items")[0].GetProperty("id").GetString()
            ?? throw new InvalidOperationException("The demo register has no members.");
    }
}
