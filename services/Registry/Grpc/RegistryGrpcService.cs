using Grpc.Core;
using Kommune20.Registry.Members;

namespace Kommune20.Registry.Grpc;

/// <summary>The register as other services ask it: member lookup, voting rights and the voting members, network membership and relay consent.</summary>
public sealed class RegistryGrpcService(RegisterSnapshot register) : Registry.RegistryBase
{
    public override async Task<MemberReply> GetMember(GetMemberRequest request, ServerCallContext context)
    {
        var member = await FindAsync(ParseId(request.MemberId, "member_id"), context.CancellationToken);
        return new MemberReply
        {
            MemberId = member.Id.ToString(),
            Name = member.Name,
            Kind = MembersApi.Kebab(member.Kind),
            Ags = member.Ags ?? "",
            FederalState = member.FederalState ?? "",
            Status = MembersApi.Kebab(member.Status),
            HasVotingRight = member.MayVote,
        };
    }

    public override async Task<VotingRightReply> GetVotingRight(GetVotingRightRequest request, ServerCallContext context)
    {
        var member = await FindAsync(ParseId(request.MemberId, "member_id"), context.CancellationToken);
        var reason = member switch
        {
            { Kind: MemberKind.PartnerInstitution } => "Partnerinstitutionen haben kein Stimmrecht.",
            { Status: MemberStatus.Suspended } => "Die Mitgliedschaft ruht.",
            { Status: MemberStatus.Left } => "Das Mitglied ist ausgetreten.",
            { HasVotingRight: false } => "Kein Stimmrecht eingetragen.",
            _ => "",
        };
        return new VotingRightReply { MemberId = member.Id.ToString(), HasVotingRight = member.MayVote, Reason = reason };
    }

    public override async Task<MemberIdsReply> ListNetworksOf(NetworkQuery request, ServerCallContext context)
    {
        var id = ParseId(request.MemberId, "member_id");
        var graph = (await register.GetAsync(context.CancellationToken)).Graph;
        return Ids(graph.NetworksOf(id, request.Transitive));
    }

    public override async Task<MemberIdsReply> ListMembersOf(NetworkQuery request, ServerCallContext context)
    {
        var id = ParseId(request.MemberId, "member_id");
        var graph = (await register.GetAsync(context.CancellationToken)).Graph;
        return Ids(graph.MembersOf(id, request.Transitive));
    }

    public override async Task<CheckRelayReply> CheckRelay(CheckRelayRequest request, ServerCallContext context)
    {
        var network = ParseId(request.NetworkId, "network_id");
        var member = ParseId(request.MemberId, "member_id");
        var graph = (await register.GetAsync(context.CancellationToken)).Graph;
        return new CheckRelayReply { Allowed = graph.MayRelay(network, member) };
    }

    public override async Task<VotingMembersReply> ListVotingMembers(ListVotingMembersRequest request, ServerCallContext context)
    {
        var members = (await register.GetAsync(context.CancellationToken)).Members.Values;
        var reply = new VotingMembersReply();
        reply.Members.AddRange(members.Where(member => member.MayVote).OrderBy(member => member.Name).Select(member =>
            new VotingMember { MemberId = member.Id.ToString(), Name = member.Name, Kind = MembersApi.Kebab(member.Kind) }));
        return reply;
    }

    async Task<Member> FindAsync(Guid id, CancellationToken ct) =>
        (await register.GetAsync(ct)).Members.GetValueOrDefault(id)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"member {id} is not in the register"));

    static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: \"{value}\" is not a member id (UUID)"));

    static MemberIdsReply Ids(IEnumerable<Guid> ids)
    {
        var reply = new MemberIdsReply();
        reply.MemberIds.AddRange(ids.Select(id => id.ToString()));
        return reply;
    }
}
