using System.Globalization;

namespace Kommune20.WebUi;

/// <summary>Dates and numbers as German readers expect them (de-DE), whatever the server's own culture.</summary>
public static class German
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("de-DE");

    public static string Date(DateOnly? date) => date?.ToString("d. MMMM yyyy", Culture) ?? "–";

    public static string Date(DateTimeOffset? moment) => moment is { } value ? Date(DateOnly.FromDateTime(value.LocalDateTime)) : "–";

    public static string DateTime(DateTimeOffset moment) => moment.LocalDateTime.ToString("d. MMMM yyyy, HH:mm 'Uhr'", Culture);

    public static string Number(long value) => value.ToString("N0", Culture);

    public static string Number(double value, int decimals) => value.ToString("N" + decimals, Culture);

    /// <summary>"1 Praxisbeispiel", "3 Praxisbeispiele".</summary>
    public static string Count(long value, string one, string many) => $"{Number(value)} {(value == 1 ? one : many)}";
}
