using System.Globalization;
using CsvHelper;

namespace Kommune20.Library.Catalog;

/// <summary>
/// The public practices as CSV (RFC 4180, UTF-8, comma-separated, lists joined with "; "), written record by record to
/// the response. A cell that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// tab or CR) is escaped with a leading <c>'</c>: the titles come from the cities, not from us.
/// </summary>
public static class CsvCatalog
{
    static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    static readonly string[] Header =
    [
        "id", "titel", "zusammenfassung", "ziel", "kommune", "bundesland", "themen", "sdg_unterziele", "foerderprogramm",
        "beginn", "ende", "zielgruppen", "verifizierte_uebernahmen", "geaendert", "url",
    ];

    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<CatalogEntry> entries, Uri root, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        await csv.WriteRecordAsync(Header, ct);
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var record = entry.Record;
            await csv.WriteRecordAsync(
            [
                entry.Id.ToString(), record.Title, record.Summary, record.Goal, entry.Origin?.Name, entry.Origin?.FederalState,
                string.Join("; ", record.Topics), string.Join("; ", record.SdgTargets), record.FundingProgramme,
                record.StartYear?.ToString(CultureInfo.InvariantCulture), record.EndYear?.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", record.Beneficiaries), entry.VerifiedAdoptions.ToString(CultureInfo.InvariantCulture),
                entry.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                new Uri(root, $"api/library/practices/{entry.Id}").AbsoluteUri,
            ], ct);
        }
        await csv.FlushAsync(ct);
    }
}
