namespace Kommune20.CityNode;

/// <summary>
/// Who this node is and how it reaches the hub (configuration section <c>Node</c>): the member it speaks for, the
/// hub's gRPC address (the gateway's HTTP/2 port), the issuer's token endpoint and the node's client credential.
/// The secret comes from <c>Node:ClientSecret</c>, or from the Dapr secret store <c>Node:SecretStore</c> when one is named:
/// there the secret <c>Node:SecretName</c>, its key <c>Node:SecretKey</c> (a local file store flattens nested keys into one
/// name, "federation:clientSecret"; a Kubernetes secret holds several keys, e.g. "federation-client-secret").
/// The node's pages sign people in as a client of their own, <c>Node:WebClientId</c> (default: the node's client id
/// with "-web", "node-heidelberg-web"), which is also the audience of those people's tokens.
/// With <c>Node:Network=true</c> the node is a network's node (the member is a network, e.g. the Metropolregion Rhein-Neckar):
/// it keeps records for the network's members that consented, each under the member's origin, and learns the members and
/// their consent from the Registry at <c>Node:RegistryUrl</c> (default: the gateway the token endpoint is on), every
/// <c>Node:MembersRefreshSeconds</c> and before each edit.
/// </summary>
public sealed record NodeSettings(
    Guid MemberId,
    string? Name,
    Uri HubGrpcUrl,
    Uri TokenUrl,
    string ClientId,
    string? ClientSecret,
    string? SecretStore,
    string SecretName,
    string SecretKey,
    TimeSpan PushInterval,
    string WebClientId,
    bool Network,
    Uri RegistryUrl,
    TimeSpan MembersRefresh)
{
    public static NodeSettings From(IConfiguration configuration)
    {
        var node = configuration.GetSection("Node");
        string Required(string key) => node[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Node:{key} is not configured (environment Node__{key}).");

        return new NodeSettings(
            Guid.TryParse(Required("MemberId"), out var memberId) ? memberId : throw new InvalidOperationException("Node:MemberId must be the member's id (UUID)."),
            node["Name"],
            new Uri(Required("HubGrpcUrl")),
            new Uri(Required("TokenUrl")),
            Required("ClientId"),
            node["ClientSecret"],
            node["SecretStore"] is { Length: > 0 } store ? store : null,
            node["SecretName"] ?? "federation:clientSecret",
            node["SecretKey"] ?? node["SecretName"] ?? "federation:clientSecret",
            TimeSpan.FromSeconds(node.GetValue("PushIntervalSeconds", 30)),
            node["WebClientId"] is { Length: > 0 } webClientId ? webClientId : Required("ClientId") + "-web",
            node.GetValue("Network", false),
            node["RegistryUrl"] is { Length: > 0 } registry ? new Uri(registry) : new Uri(new Uri(Required("TokenUrl")), "/"),
            TimeSpan.FromSeconds(node.GetValue("MembersRefreshSeconds", 60)));
    }
}
