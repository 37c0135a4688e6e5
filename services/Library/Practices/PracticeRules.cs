using Kommune20.Contracts.Federation;

namespace Kommune20.Library.Practices;

/// <summary>What the library accepts as a practice record, with errors keyed by the JSON field they concern.</summary>
public static class PracticeRules
{
    public const int MaxOriginIdLength = 200;
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 20_000;

    public static void Validate(RecordOrigin? origin, PracticeRecord? practice, string prefix, Dictionary<string, string[]> errors)
    {
        void Fail(string field, string message) => errors[prefix + field] = [message];

        if (origin is null)
            Fail("origin", "Die Herkunft (Mitglied, Kennung, Version) fehlt.");
        else
        {
            if (origin.OriginMemberId == Guid.Empty)
                Fail("origin.originMemberId", "Das Herkunftsmitglied fehlt.");
            if (string.IsNullOrWhiteSpace(origin.OriginId) || origin.OriginId.Length > MaxOriginIdLength)
                Fail("origin.originId", $"Die Kennung beim Herkunftsmitglied fehlt oder ist länger als {MaxOriginIdLength} Zeichen.");
            if (origin.Version < 0)
                Fail("origin.version", "Die Version darf nicht negativ sein.");
        }

        if (practice is null)
        {
            Fail("practice", "Der Datensatz der Praxis fehlt.");
            return;
        }
        if (string.IsNullOrWhiteSpace(practice.Title) || practice.Title.Length > MaxTitleLength)
            Fail("practice.title", $"Der Titel fehlt oder ist länger als {MaxTitleLength} Zeichen.");
        if (string.IsNullOrWhiteSpace(practice.Goal))
            Fail("practice.goal", "Das Ziel fehlt.");
        if (string.IsNullOrWhiteSpace(practice.Description) || practice.Description.Length > MaxTextLength)
            Fail("practice.description", $"Die Beschreibung fehlt oder ist länger als {MaxTextLength} Zeichen.");
        if (practice.StartYear is { } start && practice.EndYear is { } end && end < start)
            Fail("practice.endYear", "Das Ende liegt vor dem Beginn.");
        var unknown = (practice.SdgTargets ?? []).FirstOrDefault(target => SdgTargets.Normalize(target) is null);
        if (unknown is not null)
            Fail("practice.sdgTargets", $"\"{unknown}\" ist keines der 169 Unterziele der Agenda 2030 (z. B. 16.6).");
    }

    /// <summary>
    /// The record as the library keeps it: SDG targets normalised (unknown ones dropped, as the city's node is the
    /// place to correct them), topics and beneficiaries trimmed and without duplicates.
    /// </summary>
    public static PracticeRecord Normalize(PracticeRecord record) => record with
    {
        Title = record.Title.Trim(),
        Topics = Distinct(record.Topics),
        Beneficiaries = Distinct(record.Beneficiaries),
        SdgTargets = (record.SdgTargets ?? []).Select(SdgTargets.Normalize).OfType<string>().Distinct().ToList(),
        FundingProgramme = string.IsNullOrWhiteSpace(record.FundingProgramme) ? null : record.FundingProgramme.Trim(),
        Contacts = record.Contacts ?? [],
        Links = record.Links ?? [],
    };

    static List<string> Distinct(IReadOnlyList<string>? values) =>
        (values ?? []).Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim()).Distinct().ToList();
}
