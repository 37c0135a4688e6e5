using Kommune20.Portal.Registry;
using Kommune20.WebUi;

namespace Kommune20.Portal.Network;

/// <summary>
/// The network of networks as a picture: one column per level (members of no network on the left, then the members
/// of those, and so on), each member a box, each membership a line from the network to its member. Drawn on the
/// server as SVG; this type only places things.
/// </summary>
public sealed record NetworkPicture(int Width, int Height, IReadOnlyList<PictureNode> Nodes, IReadOnlyList<PictureEdge> Edges)
{
    public const int BoxWidth = 270;
    public const int BoxHeight = 34;
    const int ColumnGap = 70;
    const int RowGap = 14;
    const int Margin = 10;
    const int MaxLabelLength = 36;

    public static NetworkPicture Draw(IReadOnlyList<MemberSummary> members, IReadOnlyList<NetworkEdge> edges)
    {
        var known = members.Select(m => m.Id).ToHashSet();
        var memberships = edges.Where(e => known.Contains(e.NetworkId) && known.Contains(e.MemberId) && e.NetworkId != e.MemberId).Distinct().ToList();
        var levels = Levels(members, memberships);
        var networks = memberships.Select(e => e.NetworkId).ToHashSet();

        var placed = new Dictionary<Guid, PictureNode>();
        foreach (var column in members.GroupBy(m => levels[m.Id]).OrderBy(g => g.Key))
        {
            // Barycentre ordering: a member sits near the networks it belongs to, so fewer lines cross.
            var ordered = column
                .OrderBy(m => memberships.Where(e => e.MemberId == m.Id && placed.ContainsKey(e.NetworkId))
                    .Select(e => placed[e.NetworkId].Y).DefaultIfEmpty(0).Average())
                .ThenBy(m => m.Name, StringComparer.Create(German.Culture, ignoreCase: true))
                .ToList();
            for (var row = 0; row < ordered.Count; row++)
            {
                var member = ordered[row];
                placed[member.Id] = new PictureNode(member.Id, member.Name, Shorten(member.Name), member.Kind, networks.Contains(member.Id),
                    Margin + column.Key * (BoxWidth + ColumnGap), Margin + row * (BoxHeight + RowGap));
            }
        }

        var lines = memberships.Select(e => new PictureEdge(e.NetworkId, e.MemberId,
            placed[e.NetworkId].X + BoxWidth, placed[e.NetworkId].Y + BoxHeight / 2.0,
            placed[e.MemberId].X, placed[e.MemberId].Y + BoxHeight / 2.0)).ToList();
        var nodes = placed.Values.OrderBy(n => n.X).ThenBy(n => n.Y).ToList();
        var width = nodes.Count == 0 ? 2 * Margin : (int)nodes.Max(n => n.X) + BoxWidth + Margin;
        var height = nodes.Count == 0 ? 2 * Margin : (int)nodes.Max(n => n.Y) + BoxHeight + Margin;
        return new NetworkPicture(width, height, nodes, lines);
    }

    /// <summary>
    /// The networks as the Registry sums them up (<see cref="RegistryClient.NetworksAsync"/>): every network and the
    /// members it sent, each once, with a line for each of their memberships.
    /// </summary>
    public static NetworkPicture Draw(IReadOnlyList<NetworkOverview> networks)
    {
        var members = networks.Select(n => n.Network).Concat(networks.SelectMany(n => n.Members)).DistinctBy(m => m.Id).ToList();
        return Draw(members, networks.SelectMany(n => n.Members.Select(m => new NetworkEdge(n.Network.Id, m.Id))).ToList());
    }

    /// <summary>Level 0 for members of no network, else one more than the deepest network they belong to.</summary>
    static Dictionary<Guid, int> Levels(IReadOnlyList<MemberSummary> members, IReadOnlyList<NetworkEdge> memberships)
    {
        var networksOf = memberships.ToLookup(e => e.MemberId, e => e.NetworkId);
        var levels = new Dictionary<Guid, int>();
        int LevelOf(Guid id, int depth)
        {
            if (levels.TryGetValue(id, out var known))
                return known;
            // The Registry refuses cycles; should one slip through, the depth guard ends the walk.
            var level = depth > members.Count ? 0 : networksOf[id].Select(network => LevelOf(network, depth + 1) + 1).DefaultIfEmpty(0).Max();
            levels[id] = level;
            return level;
        }
        foreach (var member in members)
            LevelOf(member.Id, 0);
        return levels;
    }

    static string Shorten(string name) => name.Length <= MaxLabelLength ? name : name[..(MaxLabelLength - 1)] + "…";
}

public sealed record PictureNode(Guid Id, string Name, string Label, string Kind, bool IsNetwork, double X, double Y);

public sealed record PictureEdge(Guid NetworkId, Guid MemberId, double FromX, double FromY, double ToX, double ToY)
{
    /// <summary>A gentle S-curve from the network's right edge to the member's left edge.</summary>
    public string Path()
    {
        var bend = Math.Max(30, (ToX - FromX) / 2);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"M {FromX:0.#} {FromY:0.#} C {FromX + bend:0.#} {FromY:0.#}, {ToX - bend:0.#} {ToY:0.#}, {ToX:0.#} {ToY:0.#}");
    }
}
