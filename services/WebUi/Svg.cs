using System.Globalization;

namespace Kommune20.WebUi;

/// <summary>Numbers inside SVG attributes: always with a decimal point, whatever the page's (German) culture.</summary>
public static class Svg
{
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
