using Grpc.Core;
using Kommune20.Registry.Grpc;

namespace Kommune20.Library.Members;

/// <summary>Asks the Registry over gRPC who a member is and which networks it belongs to, transitively.</summary>
public sealed class MemberDirectory(Registry.Grpc.Registry.RegistryClient registry, TimeProvider clock, ILogger<MemberDirectory> logger)
{
    /// <summary>A card for the member; <see cref="MemberCard.Found"/> is false when the Registry does not know it or did not answer.</summary>
    public async Task<MemberCard> LookUpAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var card = await AskAsync(memberId, cancellationToken);
        return card.Found ? card : new MemberCard { MemberId = memberId, FetchedAt = card.FetchedAt };
    }

    async Task<MemberCard> AskAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var card = new MemberCard { MemberId = memberId, FetchedAt = clock.GetUtcNow() };
        try
        {
            var member = await registry.GetMemberAsync(new GetMemberRequest { MemberId = memberId.ToString() }, cancellationToken: cancellationToken);
            var networks = await registry.ListNetworksOfAsync(new NetworkQuery { MemberId = memberId.ToString(), Transitive = true }, cancellationToken: cancellationToken);
            card.Name = member.Name;
            card.Kind = member.Kind;
            card.Ags = NullIfEmpty(member.Ags);
            card.FederalState = NullIfEmpty(member.FederalState);
            foreach (var networkId in networks.MemberIds)
            {
                var network = await registry.GetMemberAsync(new GetMemberRequest { MemberId = networkId }, cancellationToken: cancellationToken);
                card.NetworkIds.Add(Guid.Parse(network.MemberId));
                card.NetworkNames.Add(network.Name);
            }
            card.Found = true;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            logger.LogWarning("The Registry does not know member {MemberId}", memberId);
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException or HttpRequestException)
        {
            logger.LogWarning(exception, "Could not ask the Registry about member {MemberId}; asking again later", memberId);
        }
        return card;
    }

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
