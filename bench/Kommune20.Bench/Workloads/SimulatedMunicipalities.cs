using System.Globalization;

namespace Kommune20.Bench.Workloads;

/// <summary>A simulated municipality of the fleet: its name, its Amtlicher Gemeindeschlüssel and its node's client id.</summary>
public sealed record SimulatedCity(int Number, string Name, string Ags, string ClientId);

/// <summary>
/// Germany's about 10,800 municipalities as simulated members: spread over the 16 Länder by the first two digits of
/// their AGS, with the Regierungsbezirk digit 9 that no real municipality has, so they never collide with a real member.
/// </summary>
public static class SimulatedMunicipalities
{
    public const int InGermany = 10_800;
    const int Lander = 16;
    const int PerLand = 1000;

    public static SimulatedCity City(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(number, Lander * PerLand);
        var land = number % Lander + 1;
        var inLand = number / Lander;
        var ags = string.Create(CultureInfo.InvariantCulture, $"{land:00}900{inLand:000}");
        return new SimulatedCity(number, string.Create(CultureInfo.InvariantCulture, $"Testgemeinde {number + 1:00000}"), ags,
            string.Create(CultureInfo.InvariantCulture, $"node-testgemeinde-{number + 1:00000}"));
    }

    public static IReadOnlyList<SimulatedCity> First(int count) => Enumerable.Range(0, count).Select(City).ToList();
}
