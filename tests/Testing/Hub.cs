namespace Kommune20.Testing;

/// <summary>
/// The hub as real processes: the Registry, Federation, the library, the portal and the gateway, each on free loopback ports with a fresh
/// data directory, connected to the test run's RabbitMQ; city nodes join with <see cref="StartCityNodeAsync"/>.
/// Later services join here as they are built.
/// </summary>
public sealed class Hub : IAsyncDisposable
{
    readonly List<ServiceProcess> _processes = [];
    readonly Dictionary<string, string> _shared = [];
    readonly Dictionary<string, (string Folder, string Assembly, Uri Address, Dictionary<string, string> Environment)> _launches = [];

    public required Uri Gateway { get; init; }
    public required Uri GatewayGrpc { get; init; }
    public required Uri Registry { get; init; }
    public required Uri RegistryGrpc { get; init; }
    public required Uri Federation { get; init; }
    public required Uri FederationGrpc { get; init; }
    public required Uri Portal { get; init; }
    public required Uri Library { get; init; }
    public required string DataDirectory { get; init; }

    /// <summary>The <c>Messaging:Instance</c> of this hub's processes: their queues and exchanges are their own on the shared broker.</summary>
    public string MessagingInstance { get; } = Guid.NewGuid().ToString("N")[..8];
    public DemoCredentials Credentials { get; private set; } = null!;
    public SignIn SignIn => new(Gateway);

    /// <param name="options">The broker (the test run's by default) and extra gateway settings (the benchmarks raise the rate limit).</param>
    public static async Task<Hub> StartAsync(HubOptions? options = null)
    {
        options ??= new HubOptions();
        var data = TestEnvironment.NewDataDirectory("hub");
        var hub = new Hub
        {
            Gateway = LoopbackAddress(),
            GatewayGrpc = LoopbackAddress(),
            Registry = LoopbackAddress(),
            RegistryGrpc = LoopbackAddress(),
            Federation = LoopbackAddress(),
            FederationGrpc = LoopbackAddress(),
            Portal = LoopbackAddress(),
            Library = LoopbackAddress(),
            DataDirectory = data,
        };
        hub._shared["ConnectionStrings__RabbitMq"] = options.RabbitMq ?? TestEnvironment.RabbitMq;
        hub._shared["Identity__Issuer"] = hub.Gateway.AbsoluteUri;
        hub._shared["Identity__Authority"] = hub.Registry.AbsoluteUri;
        // Queues of this hub's own: hubs of parallel test classes share the broker, and would otherwise take each other's events.
        hub._shared["Messaging__Instance"] = hub.MessagingInstance;

        try
        {
            var credentialsFile = Path.Combine(data, "demo-credentials.json");
            await hub.StartServiceAsync("registry", "services/Registry", "Kommune20.Registry", hub.Registry, hub.RegistrySettings(new Dictionary<string, string>
            {
                ["Seed__DemoData"] = "true",
                ["Seed__CredentialsFile"] = credentialsFile,
                ["Identity__PortalRedirectUris__0"] = new Uri(hub.Gateway, "/signin-oidc").AbsoluteUri,
            }.Concat(options.RegistrySettings).ToDictionary()));
            hub.Credentials = await DemoCredentials.ReadAsync(credentialsFile);
            await hub.StartServiceAsync("federation", "services/Federation", "Kommune20.Federation", hub.Federation, new Dictionary<string, string>(hub._shared)
            {
                ["K20_DATA"] = Path.Combine(data, "federation"),
                ["Kestrel__Endpoints__Http__Url"] = hub.Federation.AbsoluteUri.TrimEnd('/'),
                ["Kestrel__Endpoints__Grpc__Url"] = hub.FederationGrpc.AbsoluteUri.TrimEnd('/'),
                ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
                ["Registry__GrpcUrl"] = hub.RegistryGrpc.AbsoluteUri,
                ["Federation__ClientSecret"] = hub.Credentials.ClientNamed("hub-federation").ClientSecret,
            });
            await hub.StartServiceAsync("library", "services/Library", "Kommune20.Library", hub.Library, new Dictionary<string, string>(hub._shared)
            {
                ["K20_DATA"] = Path.Combine(data, "library"),
                ["Kestrel__Endpoints__Http__Url"] = hub.Library.AbsoluteUri.TrimEnd('/'),
                ["Registry__GrpcUrl"] = hub.RegistryGrpc.AbsoluteUri,
                ["Library__ClientSecret"] = hub.Credentials.ClientNamed("hub-library").ClientSecret,
                ["Seed__DemoData"] = "true",
            });
            await hub.StartServiceAsync("portal", "services/Portal", "Kommune20.Portal", hub.Portal, new Dictionary<string, string>(hub._shared)
            {
                ["K20_DATA"] = Path.Combine(data, "portal"),
                ["Kestrel__Endpoints__Http__Url"] = hub.Portal.AbsoluteUri.TrimEnd('/'),
            }.Concat(options.PortalSettings).ToDictionary());
            await hub.StartServiceAsync("gateway", "gateway", "Kommune20.Gateway", hub.Gateway,
                hub.GatewaySettings(hub.Gateway, hub.GatewayGrpc, options.GatewaySettings));
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    public ServiceProcess Process(string name) => _processes.Single(p => p.Name == name);

    /// <summary>Every process the hub runs now, in the order they started.</summary>
    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>Another gateway in front of the same services, on ports of its own, with <paramref name="settings"/> on top.</summary>
    public async Task<ServiceProcess> StartGatewayAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var address = LoopbackAddress();
        return await StartServiceAsync(name, "gateway", "Kommune20.Gateway", address, GatewaySettings(address, LoopbackAddress(), settings));
    }

    /// <summary>The environment the hub starts its Registry with (data directory, ports, broker, issuer), plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string> RegistrySettings(IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>(_shared)
        {
            ["K20_DATA"] = Path.Combine(DataDirectory, "registry"),
            ["Kestrel__Endpoints__Http__Url"] = Registry.AbsoluteUri.TrimEnd('/'),
            ["Kestrel__Endpoints__Grpc__Url"] = RegistryGrpc.AbsoluteUri.TrimEnd('/'),
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    /// <summary>The environment of a further gateway in front of the hub's services on fresh ports, plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string> GatewaySettings(IReadOnlyDictionary<string, string> extra) =>
        GatewaySettings(LoopbackAddress(), LoopbackAddress(), extra);

    Dictionary<string, string> GatewaySettings(Uri http, Uri grpc, IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>(_shared)
        {
            ["Kestrel__Endpoints__Http__Url"] = http.AbsoluteUri.TrimEnd('/'),
            ["Kestrel__Endpoints__Grpc__Url"] = grpc.AbsoluteUri.TrimEnd('/'),
            ["ReverseProxy__Clusters__registry__Destinations__registry__Address"] = Registry.AbsoluteUri,
            ["ReverseProxy__Clusters__registry-grpc__Destinations__registry__Address"] = RegistryGrpc.AbsoluteUri,
            ["ReverseProxy__Clusters__portal__Destinations__portal__Address"] = Portal.AbsoluteUri,
            ["ReverseProxy__Clusters__library__Destinations__library__Address"] = Library.AbsoluteUri,
            ["ReverseProxy__Clusters__federation__Destinations__federation__Address"] = Federation.AbsoluteUri,
            ["ReverseProxy__Clusters__federation-grpc__Destinations__federation__Address"] = FederationGrpc.AbsoluteUri,
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    /// <summary>
    /// A city node as its own process, speaking for the member of the demo client <paramref name="clientId"/>
    /// (e.g. node-heidelberg): its own database, the hub's gateway for sign-in and federation, a short push interval.
    /// </summary>
    /// <param name="address">Where the node listens; a free port when null (give one that the Registry knows as a sign-in redirect for the node's pages).</param>
    public Task<ServiceProcess> StartCityNodeAsync(string name, string clientId, IReadOnlyDictionary<string, string>? extra = null, Uri? address = null)
    {
        var client = Credentials.ClientNamed(clientId);
        address ??= LoopbackAddress();
        var settings = new Dictionary<string, string>(_shared)
        {
            ["K20_DATA"] = Path.Combine(DataDirectory, name),
            ["Kestrel__Endpoints__Http__Url"] = address.AbsoluteUri.TrimEnd('/'),
            ["Node__MemberId"] = client.MemberId.ToString(),
            ["Node__Name"] = client.Member,
            ["Node__HubGrpcUrl"] = GatewayGrpc.AbsoluteUri,
            ["Node__TokenUrl"] = new Uri(Gateway, "/connect/token").AbsoluteUri,
            ["Node__ClientId"] = client.ClientId,
            ["Node__ClientSecret"] = client.ClientSecret,
            ["Node__PushIntervalSeconds"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            settings[key] = value;
        return StartServiceAsync(name, "services/CityNode", "Kommune20.CityNode", address, settings);
    }

    /// <summary>Kills a process the hub started (as a crash would) and starts it again with the same settings and data.</summary>
    public async Task<ServiceProcess> RestartAsync(string name)
    {
        var running = Process(name);
        await running.DisposeAsync();
        _processes.Remove(running);
        var (folder, assembly, address, environment) = _launches[name];
        return await StartServiceAsync(name, folder, assembly, address, environment);
    }

    static Uri LoopbackAddress() => new($"http://127.0.0.1:{FreePorts.Next()}/");

    async Task<ServiceProcess> StartServiceAsync(string name, string folder, string assembly, Uri address, Dictionary<string, string> environment)
    {
        var process = ServiceProcess.Start(name, RepoPaths.Dll(folder, assembly), address, environment);
        _launches[name] = (folder, assembly, address, environment);
        _processes.Add(process);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return process;
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

/// <summary>How <see cref="Hub.StartAsync"/> starts the hub.</summary>
public sealed record HubOptions
{
    /// <summary>The broker; <see cref="TestEnvironment.RabbitMq"/> when null.</summary>
    public string? RabbitMq { get; init; }

    /// <summary>Settings on top of the gateway's defaults, in environment form (<c>RateLimiting__PermitLimit</c>).</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings on top of the Registry's (further sign-in redirects: <c>Identity__PortalRedirectUris__1</c>).</summary>
    public IReadOnlyDictionary<string, string> RegistrySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings on top of the portal's (where the city nodes are: <c>CityNodes__0__MemberId</c>, <c>CityNodes__0__Address</c>).</summary>
    public IReadOnlyDictionary<string, string> PortalSettings { get; init; } = new Dictionary<string, string>();
}
