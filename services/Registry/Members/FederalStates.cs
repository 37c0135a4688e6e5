namespace Kommune20.Registry.Members;

/// <summary>The 16 Länder with the two-digit key that opens every AGS of a municipality in them.</summary>
public static class FederalStates
{
    public static readonly IReadOnlyDictionary<string, string> ByKey = new Dictionary<string, string>
    {
        ["01"] = "Schleswig-Holstein",
        ["02"] = "Hamburg",
        ["03"] = "Niedersachsen",
        ["04"] = "Bremen",
        ["05"] = "Nordrhein-Westfalen",
        ["06"] = "Hessen",
        ["07"] = "Rheinland-Pfalz",
        ["08"] = "Baden-Württemberg",
        ["09"] = "Bayern",
        ["10"] = "Saarland",
        ["11"] = "Berlin",
        ["12"] = "Brandenburg",
        ["13"] = "Mecklenburg-Vorpommern",
        ["14"] = "Sachsen",
        ["15"] = "Sachsen-Anhalt",
        ["16"] = "Thüringen",
    };

    /// <summary>Accepts a Land's name or its two-digit key and returns the name as stored.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        if (ByKey.TryGetValue(trimmed, out var name))
            return name;
        return ByKey.Values.FirstOrDefault(state => string.Equals(state, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    public static string? OfAgs(string ags) => ByKey.GetValueOrDefault(ags[..2]);
}
