using Grpc.Core;
using Grpc.Net.Client;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>The Metropolregion Rhein-Neckar's network node as the tests push with its demo credential (<c>relay-metropolregion</c>).</summary>
public sealed class MetropolregionRelay(Hub hub, GrpcChannel channel)
{
    public DemoCredentials.Client Client => hub.Credentials.ClientNamed("relay-metropolregion");

    public FederationGrpcClient Federation => new(channel);

    public async Task<string> TokenAsync() => await hub.SignIn.ClientTokenAsync(Client.ClientId, Client.ClientSecret);

    public async Task<Metadata> HeadersAsync() => new() { { "Authorization", "Bearer " + await TokenAsync() } };

    public ChangePusher Pusher(int batchSize = ChangePusher.DefaultBatchSize) => new(Federation, async _ => await TokenAsync(), batchSize);

    /// <summary>The hub's cursor for what the relay delivered for <paramref name="origin"/>: the collection's tests push for the same members.</summary>
    public async Task<long> CursorAsync(Guid origin) =>
        (await Federation.GetCursorAsync(new CursorRequest { OriginMemberId = origin.ToString() }, await HeadersAsync())).AcknowledgedVersion;
}
