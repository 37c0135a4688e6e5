namespace Kommune20.Testing;

/// <summary>
/// The hub as real processes: the services of deploy/topology.json (the Registry, Federation, the library, the portal) and the gateway,
/// each on free loopback ports with a fresh data directory, connected to the test run's RabbitMQ; city nodes join with
/// <see cref="StartCityNodeAsync"/>. A service added to the topology starts here too.
/// </summary>
public sealed class Hub : IAsyncDisposable
{
    readonly List<ServiceProcess> _processes = [];
    readonly Dictionary<string, string> _shared = [];
    readonly Dictionary<string, (string Folder, string Assembly, Uri Address, Dictionary<string, string> Environment)> _launches = [];
    readonly Dictionary<string, (Uri Http, Uri? Grpc)> _addresses = [];
    readonly Dictionary<string, Uri> _seconds = [];
    // Guards _processes, _launches and _seconds: a hub's services start side by side, and a test may restart one while
    // others run.
    readonly Lock _lock = new();

    public required Topology Topology { get; init; }
    public required Uri Gateway { get; init; }
    public required Uri GatewayGrpc { get; init; }
    public Uri Registry => _addresses["registry"].Http;
    public Uri RegistryGrpc => _addresses["registry"].Grpc!;
    public Uri Federation => _addresses["federation"].Http;
    public Uri FederationGrpc => _addresses["federation"].Grpc!;
    public Uri Portal => _addresses["portal"].Http;
    public Uri Library => _addresses["library"].Http;
    public Uri Notifications => _addresses["notifications"].Http;
    public required string DataDirectory { get; init; }

    /// <summary>The PostgreSQL server of the hub's services and city nodes (<see cref="HubOptions.Postgres"/>); SQLite files when null.</summary>
    public string? Postgres { get; init; }

    /// <summary>The <c>Messaging:Instance</c> of this hub's processes: their queues and exchanges are their own on the shared broker.</summary>
    public string MessagingInstance { get; } = Guid.NewGuid().ToString("N")[..8];
    public DemoCredentials Credentials { get; private set; } = null!;
    public SignIn SignIn => new(Gateway);

    /// <summary>A client of the gateway with the token of the demo person <paramref name="userName"/>, signed in at the login page.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var person = Credentials.PersonNamed(userName);
        return SignIn.WithToken(Gateway, await SignIn.PersonTokenAsync(person.UserName, person.Password));
    }

    /// <param name="options">The broker (the test run's by default) and extra gateway settings (the benchmarks raise the rate limit).</param>
    public static async Task<Hub> StartAsync(HubOptions? options = null)
    {
        options ??= new HubOptions();
        var data = TestEnvironment.NewDataDirectory("hub");
        var hub = new Hub
        {
            Topology = Topology.Read(RepoPaths.Root),
            Gateway = LoopbackAddress(),
            GatewayGrpc = LoopbackAddress(),
            DataDirectory = data,
            Postgres = options.Postgres,
        };
        foreach (var service in hub.Topology.Services)
            hub._addresses[service.Name] = (LoopbackAddress(), service.Grpc is null ? null : LoopbackAddress());
        hub._shared["ConnectionStrings__RabbitMq"] = options.RabbitMq ?? TestEnvironment.RabbitMq;
        hub._shared["Identity__Issuer"] = hub.Gateway.AbsoluteUri;
        hub._shared["Identity__Authority"] = hub.Registry.AbsoluteUri;
        // Queues of this hub's own: hubs of parallel test classes share the broker, and would otherwise take each other's events.
        hub._shared["Messaging__Instance"] = hub.MessagingInstance;

        try
        {
            var credentialsFile = Path.Combine(data, "demo-credentials.json");
            IEnumerable<KeyValuePair<string, string>> SettingsOf(Topology.Service service)
            {
                IEnumerable<KeyValuePair<string, string>> settings = service.Name switch
                {
                    "registry" => new Dictionary<string, string>
                    {
                        ["Seed__CredentialsFile"] = credentialsFile,
                        ["Identity__PortalRedirectUris__0"] = new Uri(hub.Gateway, "/signin-oidc").AbsoluteUri,
                    }.Concat(options.RegistrySettings),
                    "portal" => KeyRingSettings(options.Redis).Concat(options.PortalSettings),
                    "library" => options.LibrarySettings,
                    "federation" => options.FederationSettings,
                    "meetings" => hub.BackplaneSettings(options.Redis),
                    "notifications" => options.NotificationsSettings,
                    _ => [],
                };
                return options.Postgres is { } postgres && service.Needs?.Contains("database") == true
                    ? hub.DatabaseSettings(service.Name, postgres).Concat(settings)
                    : settings;
            }
            async Task StartAsync(Topology.Service service)
            {
                await hub.StartServiceAsync(service.Name, service.Folder, service.Assembly, hub._addresses[service.Name].Http, hub.ServiceSettings(service, SettingsOf(service)));
                if (options.Twice.Contains(service.Name))
                {
                    var second = await hub.StartReplicaAsync(service.Name, SecondName(service.Name));
                    lock (hub._lock)
                        hub._seconds[service.Name] = second.BaseAddress;
                }
            }

            // The Registry comes first: it writes the client secrets the others sign in with and answers their gRPC calls.
            // The others then start side by side (a hub's start is most of a short test class's time); the gateway last,
            // as it routes to every instance.
            var registry = hub.Topology.ServiceNamed("registry");
            await StartAsync(registry);
            hub.Credentials = await DemoCredentials.ReadAsync(credentialsFile);
            await Task.WhenAll(hub.Topology.Services.Where(service => service != registry).Select(StartAsync));
            await hub.StartServiceAsync("gateway", hub.Topology.Gateway.Folder, hub.Topology.Gateway.Assembly, hub.Gateway,
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

    /// <summary>The process name of the second instance of a service that <see cref="HubOptions.Twice"/> starts twice (<c>library-b</c>).</summary>
    public static string SecondName(string name) => name + "-b";

    /// <summary>Every process the hub runs now, in the order they started.</summary>
    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>Another gateway in front of the same services, on ports of its own, with <paramref name="settings"/> on top.</summary>
    public async Task<ServiceProcess> StartGatewayAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var address = LoopbackAddress();
        return await StartServiceAsync(name, Topology.Gateway.Folder, Topology.Gateway.Assembly, address, GatewaySettings(address, LoopbackAddress(), settings));
    }

    /// <summary>
    /// Another instance of the hub's service <paramref name="name"/> as the process <paramref name="replicaName"/>, on ports of
    /// its own, with the first one's settings and data directory (so its database: two processes on one machine share a
    /// SQLite file in WAL mode) but no demo data, which the first instance seeds. On PostgreSQL it gets a data directory of
    /// its own instead, as a second pod would (the library's search index is each instance's). Its queues are its own, bound
    /// to the hub's exchanges: a test instance's queues vanish with it and are not shared.
    /// </summary>
    public async Task<ServiceProcess> StartReplicaAsync(string name, string replicaName)
    {
        var (folder, assembly, _, first) = LaunchOf(name);
        var address = LoopbackAddress();
        var settings = new Dictionary<string, string>(first)
        {
            ["Kestrel__Endpoints__Http__Url"] = address.AbsoluteUri.TrimEnd('/'),
            ["Messaging__Instance"] = $"{MessagingInstance}-{replicaName}",
            ["Messaging__Namespace"] = MessagingInstance,
        };
        if (settings.ContainsKey("Kestrel__Endpoints__Grpc__Url"))
            settings["Kestrel__Endpoints__Grpc__Url"] = LoopbackAddress().AbsoluteUri.TrimEnd('/');
        if (settings.ContainsKey("Database__Provider"))
            settings["K20_DATA"] = Path.Combine(DataDirectory, replicaName);
        settings.Remove("Seed__DemoData");
        return await StartServiceAsync(replicaName, folder, assembly, address, settings);
    }

    /// <summary>Meetings' live-room backplane on <paramref name="redis"/>, in channels of this hub's own (hubs of parallel test classes share the Redis).</summary>
    Dictionary<string, string> BackplaneSettings(string? redis) => redis is null ? [] : new()
    {
        ["ConnectionStrings__Redis"] = redis,
        ["Redis__ChannelPrefix"] = $"kommune20-{MessagingInstance}",
    };

    /// <summary>The portal's key ring (cookies, antiforgery, the sign-in's state) in <paramref name="redis"/>, shared by its instances.</summary>
    static Dictionary<string, string> KeyRingSettings(string? redis) => redis is null ? [] : new() { ["DataProtection__Redis"] = redis };

    /// <summary>
    /// The service <paramref name="name"/> on a PostgreSQL database of this hub's own (hubs of parallel test classes share
    /// the server), named after <paramref name="owner"/> where several processes have databases of the same name (city nodes).
    /// </summary>
    public Dictionary<string, string> DatabaseSettings(string name, string postgres, string? owner = null) => new()
    {
        ["Database__Provider"] = "Postgres",
        [$"ConnectionStrings__{name}"] = $"{postgres};Database={owner ?? name}_{MessagingInstance}",
    };

    /// <summary>The environment the hub starts its Registry with (data directory, ports, broker, issuer, demo data), plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string> RegistrySettings(IReadOnlyDictionary<string, string> extra) =>
        ServiceSettings(Topology.ServiceNamed("registry"), extra);

    /// <summary>
    /// A topology service's environment: its data directory, ports, the broker and issuer, the Registry's gRPC port and its
    /// client secret if it needs them, demo data if it seeds any; plus <paramref name="extra"/>.
    /// </summary>
    Dictionary<string, string> ServiceSettings(Topology.Service service, IEnumerable<KeyValuePair<string, string>> extra)
    {
        var (http, grpc) = _addresses[service.Name];
        var settings = new Dictionary<string, string>(_shared)
        {
            ["K20_DATA"] = Path.Combine(DataDirectory, service.Name),
            ["Kestrel__Endpoints__Http__Url"] = http.AbsoluteUri.TrimEnd('/'),
        };
        if (grpc is not null)
        {
            settings["Kestrel__Endpoints__Grpc__Url"] = grpc.AbsoluteUri.TrimEnd('/');
            settings["Kestrel__Endpoints__Grpc__Protocols"] = "Http2";
        }
        if (service.NeedsRegistry)
            settings["Registry__GrpcUrl"] = RegistryGrpc.AbsoluteUri;
        if (service is { ClientId: { } clientId, ClientSecretKey: { } secretKey })
            settings[secretKey] = Credentials.ClientNamed(clientId).ClientSecret;
        if (service.DemoData)
            settings["Seed__DemoData"] = "true";
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    /// <summary>The environment of a further gateway in front of the hub's services on fresh ports, plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string> GatewaySettings(IReadOnlyDictionary<string, string> extra) =>
        GatewaySettings(LoopbackAddress(), LoopbackAddress(), extra);

    /// <summary>
    /// The gateway's clusters are named after the topology's services: <c>library</c>, and <c>registry-grpc</c> for a gRPC port.
    /// A service started twice has both instances as destinations, taken in turn; the gateway probes their readiness every
    /// second and takes out one that fails twice or drops connections, as gateway/README.md describes.
    /// </summary>
    Dictionary<string, string> GatewaySettings(Uri http, Uri grpc, IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>(_shared)
        {
            ["Kestrel__Endpoints__Http__Url"] = http.AbsoluteUri.TrimEnd('/'),
            ["Kestrel__Endpoints__Grpc__Url"] = grpc.AbsoluteUri.TrimEnd('/'),
        };
        foreach (var (name, (serviceHttp, serviceGrpc)) in _addresses)
        {
            settings[$"ReverseProxy__Clusters__{name}__Destinations__{name}__Address"] = serviceHttp.AbsoluteUri;
            if (serviceGrpc is not null)
                settings[$"ReverseProxy__Clusters__{name}-grpc__Destinations__{name}__Address"] = serviceGrpc.AbsoluteUri;
        }
        foreach (var (name, second) in _seconds)
        {
            var cluster = $"ReverseProxy__Clusters__{name}__";
            settings[$"{cluster}Destinations__{SecondName(name)}__Address"] = second.AbsoluteUri;
            settings[$"{cluster}LoadBalancingPolicy"] = "RoundRobin";
            settings[$"{cluster}HealthCheck__Active__Enabled"] = "true";
            settings[$"{cluster}HealthCheck__Active__Interval"] = "00:00:01";
            settings[$"{cluster}HealthCheck__Active__Timeout"] = "00:00:02";
            settings[$"{cluster}HealthCheck__Active__Policy"] = "ConsecutiveFailures";
            settings[$"{cluster}HealthCheck__Active__Path"] = "/health/ready";
            settings[$"{cluster}HealthCheck__Passive__Enabled"] = "true";
            settings[$"{cluster}HealthCheck__Passive__Policy"] = "TransportFailureRate";
            settings[$"{cluster}HealthCheck__Passive__ReactivationPeriod"] = "00:00:05";
        }
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    /// <summary>
    /// A city node as its own process, speaking for the member of the demo client <paramref name="clientId"/>
    /// (e.g. node-heidelberg): its own database, the hub's gateway for sign-in and federation, a short push interval.
    /// </summary>
    /// <param name="address">Where the node listens; a free port when null (give one that the Registry knows as a sign-in redirect for the node's pages).</param>
    public Task<ServiceProcess> StartCityNodeAsync(string name, string clientId, IReadOnlyDictionary<string, string>? extra = null, Uri? address = null) =>
        StartCityNodeAsync(name, Credentials.ClientNamed(clientId), extra, address);

    /// <summary>A city node with a credential the test registered itself (a town starting its own node).</summary>
    public Task<ServiceProcess> StartCityNodeAsync(string name, DemoCredentials.Client client, IReadOnlyDictionary<string, string>? extra = null, Uri? address = null)
    {
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
        if (Postgres is { } postgres)
        {
            foreach (var (key, value) in DatabaseSettings("citynode", postgres, $"citynode_{name}"))
                settings[key] = value;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            settings[key] = value;
        return StartServiceAsync(name, Topology.CityNodes.Folder, Topology.CityNodes.Assembly, address, settings);
    }

    /// <summary>
    /// A network's node (e.g. the Metropolregion's, client relay-metropolregion): a city node in network mode, publishing
    /// for the network's consenting members; it asks the Registry for them through the gateway.
    /// </summary>
    public Task<ServiceProcess> StartNetworkNodeAsync(string name, string clientId, Uri? address = null) =>
        StartCityNodeAsync(name, clientId, new Dictionary<string, string> { ["Node__Network"] = "true", ["Node__MembersRefreshSeconds"] = "5" }, address);

    /// <summary>
    /// Kills a process the hub started (as a crash would) and starts it again with the same settings and data; between the
    /// two, <paramref name="whileStopped"/> may change its data (restore a backup).
    /// </summary>
    public async Task<ServiceProcess> RestartAsync(string name, Func<Task>? whileStopped = null)
    {
        await KillAsync([name]);
        if (whileStopped is not null)
            await whileStopped();
        return await StartAgainAsync(name);
    }

    /// <summary>
    /// Kills several processes at the same moment (a power cut) and starts them again in the order given, each ready
    /// before the next starts, as an operator brings a hub back: the Registry before what validates its tokens.
    /// </summary>
    public async Task RestartTogetherAsync(params string[] names)
    {
        await KillAsync(names);
        foreach (var name in names)
            await StartAgainAsync(name);
    }

    async Task KillAsync(IReadOnlyList<string> names)
    {
        var running = names.Select(Process).ToList();
        await Task.WhenAll(running.Select(process => process.DisposeAsync().AsTask()));
        lock (_lock)
            _processes.RemoveAll(running.Contains);
    }

    Task<ServiceProcess> StartAgainAsync(string name)
    {
        var (folder, assembly, address, environment) = LaunchOf(name);
        return StartServiceAsync(name, folder, assembly, address, environment);
    }

    /// <summary>
    /// Kills a process the hub started and starts it again on the same address with <paramref name="settings"/> on top of
    /// those it was started with (another database: <see cref="DatabaseSettings"/>), for this start only: a later
    /// <see cref="RestartAsync(string, Func{Task})"/> starts it as it was.
    /// </summary>
    public async Task<ServiceProcess> RestartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        await KillAsync([name]);
        var (folder, assembly, address, environment) = LaunchOf(name);
        var changed = new Dictionary<string, string>(environment);
        foreach (var (key, value) in settings)
            changed[key] = value;
        return await StartProcessAsync(name, folder, assembly, address, changed);
    }

    /// <summary>How the process <paramref name="name"/> was started.</summary>
    (string Folder, string Assembly, Uri Address, Dictionary<string, string> Environment) LaunchOf(string name)
    {
        lock (_lock)
            return _launches[name];
    }

    static Uri LoopbackAddress() => new($"http://127.0.0.1:{FreePorts.Next()}/");

    async Task<ServiceProcess> StartServiceAsync(string name, string folder, string assembly, Uri address, Dictionary<string, string> environment)
    {
        lock (_lock)
            _launches[name] = (folder, assembly, address, environment);
        return await StartProcessAsync(name, folder, assembly, address, environment);
    }

    /// <summary>Starts a process without remembering how: <see cref="RestartAsync(string, Func{Task})"/> keeps to its launch.</summary>
    async Task<ServiceProcess> StartProcessAsync(string name, string folder, string assembly, Uri address, Dictionary<string, string> environment)
    {
        var process = ServiceProcess.Start(name, RepoPaths.Dll(folder, assembly), address, environment);
        lock (_lock)
            _processes.Add(process);
        // Its siblings start beside it (a hub's services side by side, other hubs of the run): the limit catches a hang,
        // not a slow start.
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
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

    /// <summary>Redis for Meetings' live room and the portal's key ring (<see cref="TestEnvironment.Redis"/>), so that their instances share the rooms and the cookies; none when null, as one instance needs none.</summary>
    public string? Redis { get; init; }

    /// <summary>PostgreSQL for every service with a database and every city node (<see cref="TestEnvironment.Postgres"/>), a database each; SQLite files in the data directory when null.</summary>
    public string? Postgres { get; init; }

    /// <summary>Services started twice (<c>library</c>, <c>meetings</c>, <c>portal</c>), the second as <see cref="Hub.SecondName"/>, both behind the gateway.</summary>
    public IReadOnlyList<string> Twice { get; init; } = [];

    /// <summary>Settings on top of the gateway's defaults, in environment form (<c>RateLimiting__PermitLimit</c>).</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings on top of the Registry's (further sign-in redirects: <c>Identity__PortalRedirectUris__1</c>).</summary>
    public IReadOnlyDictionary<string, string> RegistrySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings on top of the portal's (where the city nodes are: <c>CityNodes__0__MemberId</c>, <c>CityNodes__0__Address</c>).</summary>
    public IReadOnlyDictionary<string, string> PortalSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings on top of the library's (the benchmark's bulk load: <c>Library__OfficeBulkLoad</c>).</summary>
    public IReadOnlyDictionary<string, string> LibrarySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings on top of Federation's (shorter push limits and consent cache: <c>Federation__Limits__BlockFor</c>).</summary>
    public IReadOnlyDictionary<string, string> FederationSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings on top of Notifications' (the test's webhook receivers on loopback, the test SMTP server, shorter retries).</summary>
    public IReadOnlyDictionary<string, string> NotificationsSettings { get; init; } = new Dictionary<string, string>();
}
