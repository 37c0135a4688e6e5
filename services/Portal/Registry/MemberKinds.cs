namespace Kommune20.Portal.Registry;

/// <summary>The kinds and statuses of members in the association's own German words.</summary>
public static class MemberKinds
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        ("city", "Stadt"),
        ("county", "Landkreis"),
        ("region", "Region"),
        ("digital-hub", "Digitalzentrum"),
        ("association", "Verein oder Verband"),
        ("civil-society-network", "Zivilgesellschaftliches Netzwerk"),
        ("partner-institution", "Partnerinstitution"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> Statuses =
    [
        ("active", "aktiv"),
        ("suspended", "ruhend"),
        ("left", "ausgetreten"),
    ];

    public static readonly IReadOnlyList<string> FederalStates =
    [
        "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen", "Mecklenburg-Vorpommern",
        "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
    ];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Value == kind).Label ?? kind;

    public static string StatusLabel(string status) => Statuses.FirstOrDefault(s => s.Value == status).Label ?? status;

    /// <summary>Kinds that gather other members: the nodes of the network-of-networks picture drawn as networks.</summary>
    public static bool IsNetworkKind(string kind) => kind is "association" or "region" or "digital-hub" or "civil-society-network";
}
