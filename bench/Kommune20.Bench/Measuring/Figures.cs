using System.Globalization;

namespace Kommune20.Bench.Measuring;

/// <summary>How figures are written in the report: three or four significant digits, invariant culture.</summary>
public static class Figures
{
    public static string Format(double value) => value switch
    {
        double.NaN => "–",
        >= 1000 or <= -1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 or <= -100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 or <= -10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 1 or <= -1 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
