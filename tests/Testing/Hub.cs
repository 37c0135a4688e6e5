namespace Kommune20.Testing;

/// <summary>
/// The hub as real processes: the Registry and the gateway, each on free loopback ports with a fresh data directory,
/// connected to the test run's RabbitMQ. Later services join here as they are built.
/// </summary>
public sealed class Hub : IAsyncDisposable
{
    readonly List<ServiceProcess> _processes = [];

    public required Uri Gateway { get; init; }
    public required Uri GatewayGrpc { get; init; }
    public required Uri Registry { get; init; }
    public required string DataDirectory { get; init; }
    public DemoCredentials Credentials { get; private set; } = null!;
    public SignIn SignIn => new(Gateway);

    public static async Task<Hub> StartAsync()
    {
        var data = TestEnvironment.NewDataDirectory("hub");
        var ports = new { Gateway = FreePorts.Next(), GatewayGrpc = FreePorts.Next(), Registry = FreePorts.Next(), RegistryGrpc = FreePorts.Next() };
        var hub = new Hub
        {
            Gateway = new Uri($"http://127.0.0.1:{ports.Gateway}/"),
            GatewayGrpc = new Uri($"http://127.0.0.1:{ports.GatewayGrpc}/"),
            Registry = new Uri($"http://127.0.0.1:{ports.Registry}/"),
            DataDirectory = data,
        };
        var shared = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestEnvironment.RabbitMq,
            ["Identity__Issuer"] = hub.Gateway.AbsoluteUri,
            ["Identity__Authority"] = hub.Registry.AbsoluteUri,
        };

        try
        {
            var credentialsFile = Path.Combine(data, "demo-credentials.json");
            await hub.StartServiceAsync("registry", "services/Registry", "Kommune20.Registry", hub.Registry, new(shared)
            {
                ["K20_DATA"] = Path.Combine(data, "registry"),
                ["Kestrel__Endpoints__Http__Url"] = hub.Registry.AbsoluteUri.TrimEnd('/'),
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{ports.RegistryGrpc}",
                ["Seed__DemoData"] = "true",
                ["Seed__CredentialsFile"] = credentialsFile,
                ["Identity__PortalRedirectUris__0"] = new Uri(hub.Gateway, "/signin-oidc").AbsoluteUri,
            });
            await hub.StartServiceAsync("gateway", "gateway", "Kommune20.Gateway", hub.Gateway, new(shared)
            {
                ["Kestrel__Endpoints__Http__Url"] = hub.Gateway.AbsoluteUri.TrimEnd('/'),
                ["Kestrel__Endpoints__Grpc__Url"] = hub.GatewayGrpc.AbsoluteUri.TrimEnd('/'),
                ["ReverseProxy__Clusters__registry__Destinations__registry__Address"] = hub.Registry.AbsoluteUri,
                ["ReverseProxy__Clusters__registry-grpc__Destinations__registry__Address"] = $"http://127.0.0.1:{ports.RegistryGrpc}/",
            });
            hub.Credentials = await DemoCredentials.ReadAsync(credentialsFile);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    public ServiceProcess Process(string name) => _processes.Single(p => p.Name == name);

    async Task StartServiceAsync(string name, string folder, string assembly, Uri address, Dictionary<string, string> environment)
    {
        var process = ServiceProcess.Start(name, RepoPaths.Dll(folder, assembly), address, environment);
        _processes.Add(process);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
            await process.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temp folder is cleaned by the OS.
        }
    }
}
