namespace Kommune20.Registry.Members;

/// <summary>The Amtlicher Gemeindeschlüssel: 2 digits Land, 1 Regierungsbezirk, 2 Kreis, 3 Gemeinde.</summary>
public static class Ags
{
    public static bool IsWellFormed(string value) => value.Length == 8 && value.All(char.IsAsciiDigit);

    /// <summary>Null when the key is valid, else why not (German, for the person who typed it).</summary>
    public static string? Problem(string value)
    {
        if (!IsWellFormed(value))
            return "Der Amtliche Gemeindeschlüssel (AGS) besteht aus genau 8 Ziffern, z. B. 08221000.";
        if (FederalStates.OfAgs(value) is null)
            return $"Die ersten beiden Ziffern des AGS ({value[..2]}) bezeichnen kein Bundesland (01–16).";
        return null;
    }
}
