using Kommune20.Contracts.Registry;
using MassTransit;

namespace Kommune20.Library.Members;

/// <summary>
/// A member joined or left a network: its networks changed, and so did those of everyone who belongs to it through
/// that member (the association is a network of networks).
/// </summary>
public sealed class NetworkMembershipChangedConsumer(MemberCards cards) : IConsumer<NetworkMembershipChanged>
{
    public async Task Consume(ConsumeContext<NetworkMembershipChanged> context)
    {
        var member = context.Message.MemberId;
        var affected = await cards.InNetworkAsync(member, context.CancellationToken);
        affected.Add(member);
        await cards.RefreshAsync(affected, context.CancellationToken);
    }
}
