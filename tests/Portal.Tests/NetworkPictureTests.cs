using Kommune20.Portal.Network;
using Kommune20.Portal.Registry;

namespace Kommune20.Portal.Tests;

public sealed class NetworkPictureTests
{
    static MemberSummary M(string name, string kind) => new(Guid.NewGuid(), kind, name);

    static readonly MemberSummary Verein = M("Kommune 2.0 e. V.", "association");
    static readonly MemberSummary Metropolregion = M("Metropolregion Rhein-Neckar", "region");
    static readonly MemberSummary Heidelberg = M("Heidelberg", "city");
    static readonly MemberSummary Pforzheim = M("Pforzheim", "city");
    static readonly MemberSummary Kgst = M("KGSt", "partner-institution");

    static readonly NetworkEdge[] Edges =
    [
        new(Verein.Id, Heidelberg.Id), new(Verein.Id, Pforzheim.Id), new(Verein.Id, Metropolregion.Id), new(Metropolregion.Id, Heidelberg.Id),
    ];

    [Fact]
    public void A_member_stands_one_column_right_of_the_deepest_network_it_belongs_to()
    {
        var picture = NetworkPicture.Draw([Heidelberg, Pforzheim, Metropolregion, Verein, Kgst], Edges);
        double X(MemberSummary member) => picture.Nodes.Single(n => n.Id == member.Id).X;

        Assert.Equal(X(Verein), X(Kgst));
        Assert.True(X(Metropolregion) > X(Verein));
        Assert.Equal(X(Metropolregion), X(Pforzheim));
        Assert.True(X(Heidelberg) > X(Metropolregion));
    }

    [Fact]
    public void Every_membership_is_a_line_from_the_networks_right_edge_to_the_members_left_edge()
    {
        var picture = NetworkPicture.Draw([Heidelberg, Pforzheim, Metropolregion, Verein, Kgst], Edges);

        Assert.Equal(Edges.Length, picture.Edges.Count);
        var line = picture.Edges.Single(e => e.NetworkId == Metropolregion.Id && e.MemberId == Heidelberg.Id);
        var network = picture.Nodes.Single(n => n.Id == Metropolregion.Id);
        var member = picture.Nodes.Single(n => n.Id == Heidelberg.Id);
        Assert.Equal(network.X + NetworkPicture.BoxWidth, line.FromX);
        Assert.Equal(member.X, line.ToX);
        Assert.StartsWith("M ", line.Path());
        Assert.DoesNotContain(",5 ", line.Path()); // SVG numbers use a decimal point, whatever the culture
    }

    [Fact]
    public void No_two_boxes_overlap_and_the_picture_holds_them_all()
    {
        var picture = NetworkPicture.Draw([Heidelberg, Pforzheim, Metropolregion, Verein, Kgst], Edges);

        foreach (var node in picture.Nodes)
        {
            Assert.True(node.X + NetworkPicture.BoxWidth <= picture.Width && node.Y + NetworkPicture.BoxHeight <= picture.Height);
            Assert.DoesNotContain(picture.Nodes, other => other != node && Math.Abs(other.X - node.X) < NetworkPicture.BoxWidth
                && Math.Abs(other.Y - node.Y) < NetworkPicture.BoxHeight);
        }
    }

    [Fact]
    public void Only_members_with_members_are_drawn_as_networks_and_long_names_are_shortened()
    {
        var longName = M("Zweckverband Digitale Infrastruktur Rhein-Neckar-Odenwald", "association");
        var picture = NetworkPicture.Draw([Verein, Heidelberg, longName], [new(Verein.Id, Heidelberg.Id)]);

        Assert.True(picture.Nodes.Single(n => n.Id == Verein.Id).IsNetwork);
        Assert.False(picture.Nodes.Single(n => n.Id == longName.Id).IsNetwork);
        Assert.EndsWith("…", picture.Nodes.Single(n => n.Id == longName.Id).Label);
    }

    [Fact]
    public void A_cycle_that_slipped_through_still_yields_a_picture()
    {
        var picture = NetworkPicture.Draw([Verein, Metropolregion], [new(Verein.Id, Metropolregion.Id), new(Metropolregion.Id, Verein.Id)]);

        Assert.Equal(2, picture.Nodes.Count);
        Assert.Equal(2, picture.Edges.Count);
    }

    [Fact]
    public void Memberships_of_members_not_shown_are_left_out()
    {
        var picture = NetworkPicture.Draw([Verein, Heidelberg], [new(Verein.Id, Heidelberg.Id), new(Verein.Id, Pforzheim.Id)]);

        Assert.Single(picture.Edges);
    }

    [Fact]
    public void The_registrys_overview_draws_each_member_once_with_a_line_per_membership()
    {
        var picture = NetworkPicture.Draw(
        [
            new NetworkOverview(Verein, 4000, [Heidelberg, Metropolregion, Pforzheim]),
            new NetworkOverview(Metropolregion, 1, [Heidelberg]),
        ]);

        Assert.Equal(4, picture.Nodes.Count);
        Assert.Equal(4, picture.Edges.Count);
        Assert.True(picture.Nodes.Single(n => n.Id == Metropolregion.Id).IsNetwork);
    }
}
