using System.Globalization;
using System.Text;

namespace Kommune20.Library.Catalog;

/// <summary>The public practices as CSV (RFC 4180, UTF-8, comma-separated, lists joined with "; ").</summary>
public static class CsvCatalog
{
    static readonly string[] Header =
    [
        "id", "titel", "zusammenfassung", "ziel", "kommune", "bundesland", "themen", "sdg_unterziele", "foerderprogramm",
        "beginn", "ende", "zielgruppen", "verifizierte_uebernahmen", "geaendert", "url",
    ];

    public static string Write(IReadOnlyList<CatalogEntry> entries, Uri root)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var entry in entries)
        {
            var record = entry.Record;
            AppendRow(csv,
            [
                entry.Id.ToString(), record.Title, record.Summary, record.Goal, entry.Origin?.Name, entry.Origin?.FederalState,
                string.Join("; ", record.Topics), string.Join("; ", record.SdgTargets), record.FundingProgramme,
                record.StartYear?.ToString(CultureInfo.InvariantCulture), record.EndYear?.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", record.Beneficiaries), entry.VerifiedAdoptions.ToString(CultureInfo.InvariantCulture),
                entry.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                new Uri(root, $"api/library/practices/{entry.Id}").AbsoluteUri,
            ]);
        }
        return csv.ToString();
    }

    static void AppendRow(StringBuilder csv, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                csv.Append(',');
            var cell = cells[i] ?? "";
            if (cell.IndexOfAny([',', '"', '\r', '\n']) >= 0)
                csv.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
            else
                csv.Append(cell);
        }
        csv.Append("\r\n");
    }
}
