using System.Text.Json;

namespace Kommune20.Testing;

/// <summary>
/// deploy/topology.json: the hub's services and the demo city nodes, the one list that the launcher, the test hub
/// and the deployment tests (which link this file) read.
/// </summary>
public sealed record Topology(Topology.Service Gateway, IReadOnlyList<Topology.Service> Services, Topology.CityNodeList CityNodes)
{
    public const string File = "deploy/topology.json";

    /// <summary>A process of the hub. <paramref name="Needs"/>: <c>broker</c>, <c>database</c>, <c>registry</c> (its gRPC port).</summary>
    /// <param name="ClientId">The client credential the service signs in to the Registry with, if any; its secret is the setting <paramref name="ClientSecretKey"/>.</param>
    public sealed record Service(string Name, string Folder, string Assembly, int Http, int? Grpc,
        string? ClientId = null, string? ClientSecretKey = null, bool DemoData = false, IReadOnlyList<string>? Needs = null)
    {
        public string Project => $"{Folder}/{Assembly}.csproj";

        public bool NeedsRegistry => Needs?.Contains("registry") == true;
    }

    public sealed record CityNodeList(string Folder, string Assembly, IReadOnlyList<CityNode> Nodes)
    {
        public string Project => $"{Folder}/{Assembly}.csproj";
    }

    /// <summary>
    /// A demo city node: the member it speaks for, the client credential it federates with and its pages' web client.
    /// A network node (<paramref name="Network"/>) speaks for a network and publishes for its consenting members.
    /// </summary>
    public sealed record CityNode(string Name, string DisplayName, Guid MemberId, string ClientId, int Http, string WebClientId, bool Network = false);

    public Service ServiceNamed(string name) => Services.Single(service => service.Name == name);

    public static Topology Read(string repoRoot) =>
        JsonSerializer.Deserialize<Topology>(System.IO.File.ReadAllText(Path.Combine(repoRoot, File)), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException(File + " is empty");
}
