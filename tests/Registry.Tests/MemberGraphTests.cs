using Kommune20.Registry.Members;

namespace Kommune20.Registry.Tests;

public class MemberGraphTests
{
    static readonly Guid Association = Guid.NewGuid(), Metropolregion = Guid.NewGuid(), Heidelberg = Guid.NewGuid(),
        Pforzheim = Guid.NewGuid(), Digihub = Guid.NewGuid(), Freiburg = Guid.NewGuid();

    static MemberGraph Network() => new(
    [
        new NetworkMembership { NetworkId = Association, MemberId = Metropolregion },
        new NetworkMembership { NetworkId = Association, MemberId = Pforzheim },
        new NetworkMembership { NetworkId = Association, MemberId = Digihub },
        new NetworkMembership { NetworkId = Metropolregion, MemberId = Heidelberg, RelayAllowed = true },
        new NetworkMembership { NetworkId = Digihub, MemberId = Freiburg },
    ]);

    [Fact]
    public void Members_of_a_network_of_networks_include_the_members_of_its_networks()
    {
        var graph = Network();
        Assert.Equal([Metropolregion, Pforzheim, Digihub], graph.MembersOf(Association, transitive: false));
        Assert.Equal(new HashSet<Guid> { Metropolregion, Pforzheim, Digihub, Heidelberg, Freiburg }, graph.MembersOf(Association, transitive: true));
    }

    [Fact]
    public void A_member_belongs_to_every_network_above_it()
    {
        var graph = Network();
        Assert.Equal([Metropolregion], graph.NetworksOf(Heidelberg, transitive: false));
        Assert.Equal(new HashSet<Guid> { Metropolregion, Association }, graph.NetworksOf(Heidelberg, transitive: true));
        Assert.Empty(graph.NetworksOf(Association, transitive: true));
    }

    [Fact]
    public void Cycles_are_refused_however_long()
    {
        var graph = Network();
        Assert.True(graph.WouldCreateCycle(Heidelberg, Association));
        Assert.True(graph.WouldCreateCycle(Metropolregion, Metropolregion));
        Assert.True(graph.WouldCreateCycle(Freiburg, Digihub));
        Assert.False(graph.WouldCreateCycle(Metropolregion, Freiburg));
        Assert.False(graph.WouldCreateCycle(Digihub, Heidelberg));
    }

    [Fact]
    public void Relays_need_direct_membership_and_the_members_consent()
    {
        var graph = Network();
        Assert.True(graph.MayRelay(Metropolregion, Heidelberg));
        Assert.False(graph.MayRelay(Association, Heidelberg));
        Assert.False(graph.MayRelay(Digihub, Freiburg));
        Assert.False(graph.MayRelay(Metropolregion, Pforzheim));
    }
}
