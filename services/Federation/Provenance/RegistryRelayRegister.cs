using Kommune20.Registry.Grpc;
using RegistryClient = Kommune20.Registry.Grpc.Registry.RegistryClient;

namespace Kommune20.Federation.Provenance;

/// <summary>Asks the Registry over gRPC (its own port, with the Federation service's client-credentials token).</summary>
public sealed class RegistryRelayRegister(RegistryClient registry) : IRelayRegister
{
    public async Task<bool> MayRelayAsync(Guid network, Guid member, CancellationToken cancellationToken)
    {
        var reply = await registry.CheckRelayAsync(
            new CheckRelayRequest { NetworkId = network.ToString(), MemberId = member.ToString() }, cancellationToken: cancellationToken);
        return reply.Allowed;
    }
}
