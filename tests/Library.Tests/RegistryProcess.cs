using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>The real Registry as a process (demo members, people and the hub-library client), for the library to ask and to sign in with.</summary>
public sealed class RegistryProcess : IAsyncDisposable
{
    public const string LibrarySecret = "library-test-secret";

    readonly ServiceProcess _process;
    readonly string _data;

    /// <summary>The messaging namespace the Registry publishes in; libraries and upstream publishers of the fixture share it.</summary>
    public string MessagingNamespace { get; }

    public Uri Address { get; }
    public Uri GrpcAddress { get; }
    public DemoCredentials Credentials { get; }

    RegistryProcess(ServiceProcess process, string data, string messagingNamespace, Uri address, Uri grpc, DemoCredentials credentials)
    {
        MessagingNamespace = messagingNamespace;
        _process = process;
        _data = data;
        Address = address;
        GrpcAddress = grpc;
        Credentials = credentials;
    }

    public static async Task<RegistryProcess> StartAsync()
    {
        var data = TestEnvironment.NewDataDirectory("library-registry");
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var grpc = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var credentialsFile = Path.Combine(data, "demo-credentials.json");
        var messagingNamespace = Guid.NewGuid().ToString("N")[..8];
        var process = ServiceProcess.Start("registry", RepoPaths.Dll("services/Registry", "Kommune20.Registry"), address, new Dictionary<string, string>
        {
            ["K20_DATA"] = data,
            ["Kestrel__Endpoints__Http__Url"] = address.AbsoluteUri.TrimEnd('/'),
            ["Kestrel__Endpoints__Grpc__Url"] = grpc.AbsoluteUri.TrimEnd('/'),
            ["ConnectionStrings__RabbitMq"] = TestEnvironment.RabbitMq,
            ["Messaging__Namespace"] = messagingNamespace,
            ["Identity__Issuer"] = address.AbsoluteUri,
            ["Identity__Authority"] = address.AbsoluteUri,
            ["Identity__PortalRedirectUris__0"] = new Uri(address, "/signin-oidc").AbsoluteUri,
            ["Seed__DemoData"] = "true",
            ["Seed__CredentialsFile"] = credentialsFile,
            ["Seed__ClientSecrets__hub-library"] = LibrarySecret,
        });
        try
        {
            await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return new RegistryProcess(process, data, messagingNamespace, address, grpc, await DemoCredentials.ReadAsync(credentialsFile));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client whose requests carry the access token of a demo person (signed in on the German login page).</summary>
    public async Task<HttpClient> SignedInAsync(HttpClient client, string userName)
    {
        var person = Credentials.PersonNamed(userName);
        var token = await new SignIn(Address).PersonTokenAsync(person.UserName, person.Password);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process; the temp folder is cleaned by the OS.
        }
    }
}
