using System.Text.RegularExpressions;

namespace Kommune20.Registry.Clients;

/// <summary>When a node credential may be registered. Errors are keyed by the JSON field they concern.</summary>
public static partial class NodeClientRules
{
    public const int MaxDisplayNameLength = 200;

    public static Dictionary<string, string[]> Validate(NodeClientInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.ClientId is null || !ClientId().IsMatch(input.ClientId))
            errors["clientId"] = ["Die Client-Kennung besteht aus 3–100 Kleinbuchstaben, Ziffern und Bindestrichen, z. B. \"node-heidelberg\"."];
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            errors["displayName"] = ["Der Anzeigename fehlt, z. B. \"Knoten Heidelberg\"."];
        else if (input.DisplayName.Trim().Length > MaxDisplayNameLength)
            errors["displayName"] = [$"Der Anzeigename darf höchstens {MaxDisplayNameLength} Zeichen lang sein."];
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,99}$")]
    private static partial Regex ClientId();
}
