using System.Net;
using System.Text.Json;
using Kommune20.CityNode.Network;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.CityNode.Tests;

/// <summary>
/// The Metropolregion Rhein-Neckar's network node in-process over a SQLite database of its own. The Registry's list of the
/// network's members comes from <see cref="Members"/> (Heidelberg and Weinheim consented, Schwetzingen did not), which a
/// test may change; the hub is a port where nothing listens, as in <see cref="CityNodeFactory"/>.
/// </summary>
public sealed class NetworkNodeFactory : WebApplicationFactory<Program>
{
    public static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");
    public static readonly Guid Weinheim = Guid.Parse("6b0e2f1a-0013-4c20-9a20-000000000013");
    public static readonly Guid Schwetzingen = Guid.Parse("6b0e2f1a-0014-4c20-9a20-000000000014");

    readonly string data = Path.Combine(Path.GetTempPath(), "k20-networknode-tests-" + Guid.NewGuid().ToString("N"));

    public List<NetworkMember> Members { get; } =
    [
        new(CityNodeFactory.Heidelberg, "Heidelberg", RelayAllowed: true),
        new(Weinheim, "Weinheim", RelayAllowed: true),
        new(Schwetzingen, "Schwetzingen", RelayAllowed: false),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var nowhere = $"http://127.0.0.1:{FreePorts.Next()}/";
        builder.UseSetting("K20_DATA", data);
        builder.UseSetting("Node:MemberId", Metropolregion.ToString());
        builder.UseSetting("Node:Name", "Metropolregion Rhein-Neckar");
        builder.UseSetting("Node:ClientId", "relay-metropolregion");
        builder.UseSetting("Node:ClientSecret", "not-used");
        builder.UseSetting("Node:Network", "true");
        builder.UseSetting("Node:HubGrpcUrl", nowhere);
        builder.UseSetting("Node:TokenUrl", nowhere + "connect/token");
        builder.UseSetting("Node:RegistryUrl", "http://registry.test/");
        builder.AcceptTestTokens();
        builder.ConfigureTestServices(services => services.AddHttpClient(nameof(NetworkMembers))
            .ConfigurePrimaryHttpMessageHandler(() => new RegistryMemberships(this)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
    }

    /// <summary>Answers the Registry's <c>GET /api/registry/members/{network}/memberships</c> from <see cref="Members"/>.</summary>
    sealed class RegistryMemberships(NetworkNodeFactory node) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.RequestUri!.AbsolutePath == $"/api/registry/members/{Metropolregion}/memberships"
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(node.Members, Json.Options)) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
