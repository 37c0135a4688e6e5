using System.Globalization;

namespace Kommune20.Registry.Identity;

/// <summary>How a sign-in that must wait says so: the Retry-After header in whole seconds, and in German words.</summary>
internal static class RetryAfter
{
    public static string Seconds(TimeSpan wait) => ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public static string InGerman(TimeSpan wait) => wait.TotalSeconds <= 60
        ? $"in {Seconds(wait)} Sekunden"
        : $"in {(int)Math.Ceiling(wait.TotalMinutes)} Minuten";
}
