using Grpc.Core;
using Grpc.Net.Client;
using Kommune20.Registry.Grpc;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>Other services ask the register over gRPC; through the gateway's HTTP/2 port, with a token.</summary>
[Collection(SharedHub.Name)]
public sealed class RegistryGrpcTests(ObservedHub fixture)
{
    static readonly string Heidelberg = "6b0e2f1a-0002-4c20-9a20-000000000002";
    static readonly string Pforzheim = "6b0e2f1a-0003-4c20-9a20-000000000003";
    static readonly string Metropolregion = "6b0e2f1a-0006-4c20-9a20-000000000006";

    async Task<(Registry.Grpc.Registry.RegistryClient Client, Metadata Headers, GrpcChannel Channel)> ConnectAsync()
    {
        var node = fixture.Hub.Credentials.ClientNamed("node-heidelberg");
        var token = await fixture.Hub.SignIn.ClientTokenAsync(node.ClientId, node.ClientSecret);
        var channel = GrpcChannel.ForAddress(fixture.Hub.GatewayGrpc);
        return (new Registry.Grpc.Registry.RegistryClient(channel), new Metadata { { "Authorization", "Bearer " + token } }, channel);
    }

    [Fact]
    public async Task Looks_up_a_member_and_its_voting_right()
    {
        var (registry, headers, channel) = await ConnectAsync();
        using (channel)
        {
            var member = await registry.GetMemberAsync(new GetMemberRequest { MemberId = Heidelberg }, headers);
            Assert.Equal("Heidelberg", member.Name);
            Assert.Equal("08221000", member.Ags);
            Assert.True(member.HasVotingRight);

            var partner = await registry.GetVotingRightAsync(new GetVotingRightRequest { MemberId = "6b0e2f1a-0010-4c20-9a20-000000000010" }, headers);
            Assert.False(partner.HasVotingRight);
            Assert.Equal("Partnerinstitutionen haben kein Stimmrecht.", partner.Reason);
        }
    }

    [Fact]
    public async Task Answers_network_membership_and_relay_consent()
    {
        var (registry, headers, channel) = await ConnectAsync();
        using (channel)
        {
            var networks = await registry.ListNetworksOfAsync(new NetworkQuery { MemberId = Heidelberg, Transitive = true }, headers);
            Assert.Contains(Metropolregion, networks.MemberIds);
            Assert.Equal(2, networks.MemberIds.Count);

            Assert.True((await registry.CheckRelayAsync(new CheckRelayRequest { NetworkId = Metropolregion, MemberId = Heidelberg }, headers)).Allowed);
            Assert.False((await registry.CheckRelayAsync(new CheckRelayRequest { NetworkId = Metropolregion, MemberId = Pforzheim }, headers)).Allowed);
        }
    }

    [Fact]
    public async Task Refuses_callers_without_a_token_and_names_a_malformed_id()
    {
        var (registry, headers, channel) = await ConnectAsync();
        using (channel)
        {
            var anonymous = await Assert.ThrowsAsync<RpcException>(() => registry.GetMemberAsync(new GetMemberRequest { MemberId = Heidelberg }).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

            var malformed = await Assert.ThrowsAsync<RpcException>(() => registry.GetMemberAsync(new GetMemberRequest { MemberId = "heidelberg" }, headers).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
            Assert.Contains("member_id", malformed.Status.Detail);
        }
    }
}
